package dev.baton.event;

import dev.baton.config.BatonConfig;
import dev.baton.db.BatonClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps events (the feed and the lead histories) for {@code BATON_EVENT_RETENTION}, at least 90
 * days, then purges them in small batches. Every replica runs it; the deletes do not conflict.
 */
@ApplicationScoped
public class EventRetentionJob {

  static final Duration MINIMUM = Duration.ofDays(90);
  private static final Logger LOG = Logger.getLogger(EventRetentionJob.class);
  private static final int BATCH = 5000;

  private final LeadEventRepository events;
  private final Event<EventsPurged> afterPurge;
  private final BatonConfig config;
  private final BatonClock clock;

  public EventRetentionJob(
      LeadEventRepository events,
      Event<EventsPurged> afterPurge,
      BatonConfig config,
      BatonClock clock) {
    this.events = events;
    this.afterPurge = afterPurge;
    this.config = config;
    this.clock = clock;
  }

  void check(@Observes StartupEvent start) {
    if (config.event().retention().compareTo(MINIMUM) < 0) {
      throw new IllegalStateException(
          "BATON_EVENT_RETENTION must be at least 90 days (P90D); it is "
              + config.event().retention());
    }
  }

  @Scheduled(
      every = "1h",
      delay = 1,
      delayUnit = java.util.concurrent.TimeUnit.MINUTES,
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purgeOnSchedule() {
    int purged = purge(clock.now());
    if (purged > 0) {
      LOG.infof("Purged %d events older than %s", purged, config.event().retention());
    }
  }

  /** Purges what is older than the retention at {@code now}; answers how many events went. */
  public int purge(Instant now) {
    Instant cutoff = now.minus(config.event().retention());
    int total = 0;
    int purged;
    do {
      // One short transaction per batch: a purge never holds locks for long.
      purged = QuarkusTransaction.requiringNew().call(() -> events.purgeBefore(cutoff, BATCH));
      total += purged;
    } while (purged == BATCH);
    // Finished webhook deliveries go with the events they carried: the outbox observes this and
    // purges them the same way, one short transaction per batch.
    afterPurge.fire(new EventsPurged(cutoff, BATCH));
    return total;
  }
}
