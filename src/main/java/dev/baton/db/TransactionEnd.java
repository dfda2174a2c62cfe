package dev.baton.db;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What runs when the current transaction ends: before it commits (a write that must be part of it),
 * once it has ended either way (a cache forgotten), or only once it has committed (a counter).
 */
public final class TransactionEnd {

  private TransactionEnd() {}

  /**
   * Runs {@code action} just before the transaction commits, inside it: a failure rolls it back.
   * Not run when the transaction is already bound to roll back.
   */
  public static void beforeCommit(
      TransactionSynchronizationRegistry transactions, Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            if (transactions.getTransactionStatus() != Status.STATUS_MARKED_ROLLBACK) {
              action.run();
            }
          }

          @Override
          public void afterCompletion(int status) {}
        });
  }

  /** Runs {@code action} once the transaction has ended, committed or rolled back. */
  public static void afterEnd(TransactionSynchronizationRegistry transactions, Runnable action) {
    after(transactions, action, false);
  }

  /** Runs {@code action} once the transaction has committed, never when it rolled back. */
  public static void afterCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
    after(transactions, action, true);
  }

  private static void after(
      TransactionSynchronizationRegistry transactions, Runnable action, boolean committedOnly) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (!committedOnly || status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
