package dev.baton.db;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One value read from the database (a policy) and kept in memory while nothing says it changed: it
 * is forgotten when its channel is notified ({@link ChangeListener}), at the commit of a change
 * made by this replica ({@link #forgetAtCompletion}), after {@link #TTL} in case a notification
 * were ever lost, and it is not kept at all while the replica does not listen. A value read while a
 * change was notified is not kept, so a read racing a change cannot bring the old value back.
 *
 * @param <T> an immutable value
 */
public final class Remembered<T> {

  static final Duration TTL = Duration.ofSeconds(30);

  private record Held<T>(T value, long since) {}

  private final ChangeListener changes;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger changing = new AtomicInteger();
  private volatile Held<T> held;

  public Remembered(ChangeListener changes, ChangeListener.Channel channel) {
    this.changes = changes;
    changes.onChange(channel, this::forget);
  }

  /**
   * {@link #get}, reading the row {@code id} of entity {@code type} as {@code view} sees it. The
   * row is read past the transaction's persistence context, which would keep answering the copy it
   * read first, even after a change was heard.
   */
  public <E> T get(EntityManager em, Class<E> type, Object id, Function<E, T> view) {
    return get(
        () -> {
          E stored = em.find(type, id);
          T value = view.apply(stored);
          em.detach(stored);
          return value;
        });
  }

  /** The value kept, or what {@code read} reads (kept when nothing changed meanwhile). */
  public T get(Supplier<T> read) {
    Held<T> kept = held;
    if (kept != null && changes.listening() && System.nanoTime() - kept.since() < TTL.toNanos()) {
      return kept.value();
    }
    long seen = generation.get();
    T value = read.get();
    if (changing.get() == 0 && changes.listening() && generation.get() == seen) {
      Held<T> fresh = new Held<>(value, System.nanoTime());
      held = fresh;
      if (generation.get() != seen && held == fresh) {
        held = null; // a change was notified while this was being kept
      }
    }
    return value;
  }

  public void forget() {
    generation.incrementAndGet();
    held = null;
  }

  /**
   * For a transaction that changes the value: nothing read until it ends is kept (it could be its
   * own uncommitted value), and the value is forgotten when it ends, committed or not, so that the
   * next request on this replica reads it again without waiting for the notification.
   */
  public void forgetAtCompletion(TransactionSynchronizationRegistry transactions) {
    TransactionEnd.afterEnd(
        transactions,
        () -> {
          forget();
          changing.decrementAndGet();
        });
    changing.incrementAndGet();
    forget();
  }
}
