package dev.baton.testing;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a test's concurrent call on a thread of its own, which inherits the test's context class
 * loader (Quarkus'). {@code CompletableFuture.supplyAsync} without an executor started a thread per
 * task on JDK 17 when the common fork-join pool had a single worker (two cores), but runs the task
 * on that pool's worker from JDK 25 on: a worker with the system class loader as its context, where
 * RestAssured's Jackson fails to load its modules ("JavaTimeModule not a subtype") and the call
 * fails at once instead of waiting for the lock the test holds.
 */
public final class OwnThread {

  private OwnThread() {}

  /** The value of {@code call}, computed on a new thread. */
  public static <T> CompletableFuture<T> supply(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, task -> new Thread(task, "test-call").start());
  }
}
