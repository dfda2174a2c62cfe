package dev.baton.webhook;

import dev.baton.common.BatonConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records each attempt {@link WebhookDispatcher} made and decides what comes next: done, a retry
 * later, or giving up; the subscription learns whether its receiver answers. Counted in {@code
 * baton_webhook_deliveries_total{outcome}}, each series there from the start at 0.
 */
@Startup
@ApplicationScoped
public class DeliveryOutcomes {

  static final String SUCCEEDED = "succeeded";
  static final String RETRYING = "retrying";
  static final String FAILED = "failed";
  static final String GONE = "gone";

  private final Map<String, Counter> counters;
  private final DeliveryRepository deliveries;
  private final WebhookRepository webhooks;
  private final RetrySchedule retries;
  private final BatonConfig.Webhook config;

  public DeliveryOutcomes(
      MeterRegistry registry,
      DeliveryRepository deliveries,
      WebhookRepository webhooks,
      RetrySchedule retries,
      BatonConfig config) {
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.retries = retries;
    this.config = config.webhook();
    counters =
        List.of(SUCCEEDED, RETRYING, FAILED, GONE).stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    outcome ->
                        Counter.builder("baton.webhook.deliveries")
                            .description(
                                "Webhook delivery attempts, by outcome: succeeded, retrying (a"
                                    + " retry is scheduled), failed (given up), gone (410)")
                            .tag("outcome", outcome)
                            .register(registry)));
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
    String counted;
    if (outcome.success()) {
      status = DeliveryStatus.SUCCEEDED;
      counted = SUCCEEDED;
      webhook.succeeded();
    } else if (Integer.valueOf(410).equals(outcome.statusCode())) {
      status = DeliveryStatus.FAILED;
      counted = GONE;
      webhook.disable("the receiver answered 410 Gone", now);
    } else {
      next = retries.next(attempts, outcome, now);
      status = next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      counted = next == null ? FAILED : RETRYING;
      webhook.failed(now, config.pauseAfter());
    }
    counters.get(counted).increment();
    deliveries.afterAttempt(claimed.id(), status, attempts, next, now);
  }
}
