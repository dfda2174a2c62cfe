package dev.baton.apikey;

import dev.baton.db.ChangeListener;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The identities of the API keys this replica has seen, so that a request does not read its key
 * from the database. A replica trusts what it holds only while it listens to {@code
 * baton_api_key_changed} ({@link ChangeListener}; the trigger of V12 notifies it whenever a key is
 * revoked or deleted, from any replica or by hand): a change clears everything, and while the
 * listening connection is down every request reads its key again. An identity is also forgotten
 * after {@link #TTL}, in case a notification were ever lost.
 *
 * <p>An identity read from the database is kept only if no change was notified since the read began
 * ({@link #generation()}), so a read racing a revocation cannot bring the key back.
 */
@ApplicationScoped
public class ApiKeyCache {

  static final Duration TTL = Duration.ofSeconds(30);
  private static final int MAX_KEYS = 10_000;

  private record Held(SecurityIdentity identity, long since) {}

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final ChangeListener changes;

  ApiKeyCache(ChangeListener changes) {
    this.changes = changes;
  }

  @PostConstruct
  void listen() {
    changes.onChange(ChangeListener.Channel.API_KEYS, this::clear);
  }

  /** The identity of a key (by its hash) held and still trusted, or null. */
  SecurityIdentity get(String hash) {
    if (!changes.listening()) {
      return null;
    }
    Held entry = held.get(hash);
    if (entry == null || System.nanoTime() - entry.since() > TTL.toNanos()) {
      return null;
    }
    return entry.identity();
  }

  /** To read before a database lookup, and to hand to {@link #put} after it. */
  long generation() {
    return generation.get();
  }

  /** Keeps an identity read from the database, unless a change was notified since {@code seen}. */
  void put(String hash, SecurityIdentity identity, long seen) {
    if (!changes.listening() || generation.get() != seen) {
      return;
    }
    if (held.size() >= MAX_KEYS) {
      held.clear();
    }
    Held entry = new Held(identity, System.nanoTime());
    held.put(hash, entry);
    if (generation.get() != seen) {
      held.remove(hash, entry); // a change was notified while this was being stored
    }
  }

  /** Forgets every key: some key changed. */
  void clear() {
    generation.incrementAndGet();
    held.clear();
  }
}
