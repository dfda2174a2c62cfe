package dev.baton.webhook;

import dev.baton.config.BatonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;

/**
 * Records each attempt {@link WebhookDispatcher} made and decides what comes next: done, a retry
 * later, or giving up; the subscription learns whether its receiver answers. Each outcome is
 * announced as a {@link DeliveryAttempted}, which {@code /q/metrics} counts.
 */
@ApplicationScoped
public class DeliveryOutcomes {

  private final DeliveryRepository deliveries;
  private final WebhookRepository webhooks;
  private final RetrySchedule retries;
  private final BatonConfig.Webhook config;
  private final Event<DeliveryAttempted> attempted;

  public DeliveryOutcomes(
      DeliveryRepository deliveries,
      WebhookRepository webhooks,
      RetrySchedule retries,
      BatonConfig config,
      Event<DeliveryAttempted> attempted) {
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.retries = retries;
    this.config = config.webhook();
    this.attempted = attempted;
  }

  /**
   * Records, in the caller's transaction, the attempt made on {@code claimed}, ended {@code now}.
   */
  void record(WebhookDispatcher.Claimed claimed, WebhookSender.Outcome outcome, Instant now) {
    deliveries.recordAttempt(claimed.id(), now, outcome);
    Webhook webhook = webhooks.findById(claimed.webhookId());
    int attempts = claimed.attempts() + 1;
    DeliveryStatus status;
    Instant next = null;
    DeliveryAttempted.Outcome counted;
    if (outcome.success()) {
      status = DeliveryStatus.SUCCEEDED;
      counted = DeliveryAttempted.Outcome.SUCCEEDED;
      webhook.succeeded();
    } else if (Integer.valueOf(410).equals(outcome.statusCode())) {
      status = DeliveryStatus.FAILED;
      counted = DeliveryAttempted.Outcome.GONE;
      webhook.disable("the receiver answered 410 Gone", now);
    } else {
      next = retries.next(attempts, outcome, now);
      status = next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      counted =
          next == null ? DeliveryAttempted.Outcome.FAILED : DeliveryAttempted.Outcome.RETRYING;
      webhook.failed(now, config.pauseAfter());
    }
    attempted.fire(new DeliveryAttempted(counted));
    deliveries.afterAttempt(claimed.id(), status, attempts, next, now);
  }
}
