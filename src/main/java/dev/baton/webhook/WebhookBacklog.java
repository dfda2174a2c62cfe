package dev.baton.webhook;

import dev.baton.common.BatonClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  private final EntityManager em;
  private final BatonClock clock;
  private volatile double pending = Double.NaN;
  private volatile double oldestSeconds = Double.NaN;

  public WebhookBacklog(EntityManager em, MeterRegistry registry, BatonClock clock) {
    this.em = em;
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
      Object[] row = QuarkusTransaction.requiringNew().call(this::read);
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

  /**
   * The count and the oldest, per active subscription from webhook_delivery_pending (webhook_id,
   * seq): its first entry is the subscription's oldest pending delivery.
   */
  private Object[] read() {
    return (Object[])
        em.createNativeQuery(
                """
                SELECT
                    (SELECT count(*) FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                     WHERE d.status = 'PENDING' AND w.state = 'ACTIVE' AND w.deleted_at IS NULL),
                    (SELECT extract(epoch FROM min(oldest.created_at)) FROM webhook w CROSS JOIN LATERAL (
                         SELECT d.created_at FROM webhook_delivery d
                         WHERE d.webhook_id = w.id AND d.status = 'PENDING'
                         ORDER BY d.seq LIMIT 1) oldest
                     WHERE w.state = 'ACTIVE' AND w.deleted_at IS NULL)
                """,
                Object[].class)
            .getSingleResult();
  }
}
