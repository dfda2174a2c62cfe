package dev.baton.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.OwnThread;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a replica keeps of a policy while a transaction of its own changes it: nothing read until
 * that transaction ends, whether on its own thread (its uncommitted value) or another's (possibly
 * the value it replaces), and nothing of before once it ends, committed or rolled back, not even a
 * read that began before it ended.
 */
@QuarkusTest
class RememberedTest {

  @Inject ChangeListener changes;
  @Inject TransactionSynchronizationRegistry transactions;

  private Remembered<String> remembered;

  @BeforeEach
  void listening() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!changes.listening()) {
      assertTrue(System.nanoTime() < deadline, "the replica does not listen");
      Thread.sleep(20);
    }
    remembered = new Remembered<>(changes, ChangeListener.Channel.POLICIES);
  }

  @Test
  void aValueReadWhileNothingChangesIsKept() {
    assertEquals("stored", remembered.get(() -> "stored"));
    assertEquals("stored", remembered.get(() -> "read again"));
  }

  @Test
  void nothingReadDuringAChangeIsKeptAndTheValueIsReadAgainAfterItsRollback() throws Exception {
    assertEquals("before", remembered.get(() -> "before"));
    QuarkusTransaction.begin();
    try {
      remembered.forgetAtCompletion(transactions);
      assertEquals("uncommitted", remembered.get(() -> "uncommitted"));
      assertEquals("uncommitted again", remembered.get(() -> "uncommitted again"));
      String elsewhere =
          OwnThread.supply(() -> remembered.get(() -> "read by another request"))
              .get(30, TimeUnit.SECONDS);
      assertEquals("read by another request", elsewhere);
      assertEquals("still changing", remembered.get(() -> "still changing"));
    } finally {
      QuarkusTransaction.rollback();
    }
    assertEquals("after", remembered.get(() -> "after"));
    assertEquals("after", remembered.get(() -> "kept again"));
  }

  @Test
  void theValueIsReadAgainAfterAChangeCommits() {
    assertEquals("before", remembered.get(() -> "before"));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              remembered.forgetAtCompletion(transactions);
              assertEquals("changed", remembered.get(() -> "changed"));
            });
    assertEquals("committed", remembered.get(() -> "committed"));
    assertEquals("committed", remembered.get(() -> "kept again"));
  }

  @Test
  void aReadThatBeganBeforeAChangeCommittedIsNotKept() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch committed = new CountDownLatch(1);
    CompletableFuture<String> straddling;
    QuarkusTransaction.begin();
    try {
      remembered.forgetAtCompletion(transactions);
      straddling =
          OwnThread.supply(
              () ->
                  remembered.get(
                      () -> {
                        reading.countDown();
                        await(committed);
                        return "read before the commit";
                      }));
      await(reading);
    } finally {
      QuarkusTransaction.commit();
    }
    committed.countDown();
    assertEquals("read before the commit", straddling.get(30, TimeUnit.SECONDS));
    assertEquals("committed", remembered.get(() -> "committed"));
  }

  @Test
  void aNotifiedChangeForgetsTheValue() {
    assertEquals("before", remembered.get(() -> "before"));
    changes.changed(ChangeListener.Channel.POLICIES);
    assertEquals("after", remembered.get(() -> "after"));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
