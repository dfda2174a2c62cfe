package dev.baton.lead;

import dev.baton.config.BatonConfig;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a replica hand off only {@code baton.batch.concurrency} batches at once; the others wait
 * their turn up to {@code baton.batch.wait-at-most}, then are refused with 503 {@code busy} and
 * nothing changed. Twenty batches of 500 leads at once took every pooled connection for their whole
 * run and more heap than a small replica has: single requests timed out behind them, and the
 * batches failed with 500s.
 */
@ApplicationScoped
class BatchTurns {

  private final Semaphore turns;
  private final long waitMillis;

  BatchTurns(BatonConfig config) {
    this.turns = new Semaphore(Math.max(1, config.batch().concurrency()), true);
    this.waitMillis = config.batch().waitAtMost().toMillis();
  }

  <T> T inTurn(Supplier<T> batch) {
    boolean mine;
    try {
      mine = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      mine = false;
    }
    if (!mine) {
      throw new ProblemException(
              ProblemType.BUSY,
              "Baton is handing off as many batches as it can at once; nothing was changed, retry"
                  + " it")
          .withHeader(HttpHeaders.RETRY_AFTER, "5");
    }
    try {
      return batch.get();
    } finally {
      turns.release();
    }
  }
}
