package dev.baton.webhook;

import dev.baton.config.BatonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: {@code BATON_WEBHOOK_RETRY_SCHEDULE} with ±10% jitter, or
 * later when the receiver asks for it; after the last wait of the schedule, never.
 */
@ApplicationScoped
class RetrySchedule {

  private final BatonConfig.Webhook config;

  RetrySchedule(BatonConfig config) {
    this.config = config.webhook();
  }

  /**
   * When to try again after {@code attempts} attempts, the last of which failed {@code now}; null
   * when the schedule has no wait left.
   */
  Instant next(int attempts, WebhookSender.Outcome outcome, Instant now) {
    List<Duration> schedule = config.retrySchedule();
    return attempts > schedule.size() ? null : now.plus(wait(schedule.get(attempts - 1), outcome));
  }

  /** The scheduled wait with ±10% jitter, or the receiver's Retry-After when it asks for longer. */
  private static Duration wait(Duration scheduled, WebhookSender.Outcome outcome) {
    long millis = scheduled.toMillis();
    long jitter = millis / 10;
    Duration wait =
        Duration.ofMillis(millis - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1));
    Integer code = outcome.statusCode();
    if (code != null && (code == 429 || code == 503) && outcome.retryAfter() != null) {
      Duration asked =
          outcome.retryAfter().compareTo(Duration.ofHours(24)) > 0
              ? Duration.ofHours(24)
              : outcome.retryAfter();
      return asked.compareTo(wait) > 0 ? asked : wait;
    }
    return wait;
  }
}
