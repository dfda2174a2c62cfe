package dev.baton.metrics;

import dev.baton.db.BatonClock;
import dev.baton.event.LeadEventRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * {@code baton_feed_lag_seconds}: how far behind real time the change feed is. The feed serves an
 * event only once every older transaction has finished (see {@link LeadEventRepository#feed}), so a
 * long transaction holds back every event committed after it began. The lag is the age of the first
 * event held back, 0 when none is. Each replica reads it every {@code BATON_METRICS_REFRESH_EVERY},
 * never during a scrape; it is NaN while the database cannot be read.
 */
@Startup
@ApplicationScoped
public class FeedLag {

  private static final Logger LOG = Logger.getLogger(FeedLag.class);

  private final LeadEventRepository events;
  private final BatonClock clock;
  private volatile double seconds = Double.NaN;

  public FeedLag(LeadEventRepository events, MeterRegistry registry, BatonClock clock) {
    this.events = events;
    this.clock = clock;
    Gauge.builder("baton.feed.lag", this, lag -> lag.seconds)
        .baseUnit("seconds")
        .description("Age of the first event the change feed holds back for an older transaction")
        .strongReference(true)
        .register(registry);
  }

  @Scheduled(
      every = "${baton.metrics.refresh-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void refresh() {
    try {
      seconds =
          QuarkusTransaction.requiringNew()
              .call(events::firstHeldBack)
              .map(written -> Math.max(0, Duration.between(written, clock.now()).toMillis()) / 1e3)
              .orElse(0.0);
    } catch (RuntimeException e) {
      if (!Double.isNaN(seconds)) {
        LOG.warnf(
            "The feed lag cannot be read (%s); it is NaN until it can", e.getClass().getName());
      }
      seconds = Double.NaN;
    }
  }
}
