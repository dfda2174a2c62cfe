package dev.baton.metrics;

import dev.baton.db.BatonClock;
import dev.baton.webhook.DeliveryRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The webhook backlog in /q/metrics: {@code baton_webhook_pending_deliveries}, the deliveries Baton
 * is still trying to send (to active subscriptions: a paused one's wait for its owner), and {@code
 * baton_webhook_oldest_pending_seconds}, the age of the oldest of them, 0 when there is none. Each
 * replica reads them every {@code BATON_METRICS_REFRESH_EVERY}, never during a scrape; they are NaN
 * while the database cannot be read.
 */
@Startup
@ApplicationScoped
public class WebhookBacklog {

  private static final Logger LOG = Logger.getLogger(WebhookBacklog.class);

  private final DeliveryRepository deliveries;
  private final BatonClock clock;
  private volatile double pending = Double.NaN;
  private volatile double oldestSeconds = Double.NaN;

  public WebhookBacklog(DeliveryRepository deliveries, MeterRegistry registry, BatonClock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
    Gauge.builder("baton.webhook.pending.deliveries", this, backlog -> backlog.pending)
        .description("Deliveries to active subscriptions not yet succeeded or given up")
        .strongReference(true)
        .register(registry);
    Gauge.builder("baton.webhook.oldest.pending", this, backlog -> backlog.oldestSeconds)
        .baseUnit("seconds")
        .description("Age of the oldest delivery to an active subscription still pending")
        .strongReference(true)
        .register(registry);
  }

  @Scheduled(
      every = "${baton.metrics.refresh-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void refresh() {
    try {
      Object[] row = QuarkusTransaction.requiringNew().call(deliveries::backlog);
      pending = ((Number) row[0]).doubleValue();
      oldestSeconds =
          row[1] == null
              ? 0
              : Math.max(0, clock.now().toEpochMilli() / 1e3 - ((Number) row[1]).doubleValue());
    } catch (RuntimeException e) {
      if (!Double.isNaN(pending)) {
        LOG.warnf(
            "The webhook backlog cannot be read (%s); it is NaN until it can",
            e.getClass().getName());
      }
      pending = Double.NaN;
      oldestSeconds = Double.NaN;
    }
  }
}
