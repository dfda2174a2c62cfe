package dev.baton.idempotency;

import dev.baton.config.BatonConfig;
import dev.baton.db.BatonClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the records of answers for {@code BATON_IDEMPOTENCY_RETENTION}, at least a day, then purges
 * them. Every replica runs the purge; the deletes skip each other's rows.
 */
@ApplicationScoped
public class IdempotencyRetention {

  private static final Duration MINIMUM_RETENTION = Duration.ofHours(24);
  private static final int BATCH = 1000;

  private final StoredResponseRepository responses;
  private final BatonConfig config;
  private final BatonClock clock;

  IdempotencyRetention(StoredResponseRepository responses, BatonConfig config, BatonClock clock) {
    this.responses = responses;
    this.config = config;
    this.clock = clock;
  }

  /** Keys are kept at least a day, so that a client retrying tomorrow morning is still safe. */
  void check(@Observes StartupEvent start) {
    if (config.idempotency().retention().compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalStateException(
          "BATON_IDEMPOTENCY_RETENTION must be at least 24 hours (24H); it is "
              + config.idempotency().retention());
    }
  }

  /** Expired records go hourly, in short batches that skip rows another replica is purging. */
  @Scheduled(
      every = "1h",
      delay = 2,
      delayUnit = TimeUnit.MINUTES,
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void purgeExpired() {
    int purged;
    do {
      purged =
          QuarkusTransaction.requiringNew().call(() -> responses.purgeExpired(clock.now(), BATCH));
    } while (purged == BATCH);
  }
}
