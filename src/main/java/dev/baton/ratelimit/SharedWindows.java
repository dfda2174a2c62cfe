package dev.baton.ratelimit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The windows every replica shares, in {@code rate_limit_window}: one row per key, counting the
 * requests handed out to replicas. Each statement is its own short transaction, committed before
 * the request it serves goes on, and never part of a client's transaction.
 */
@ApplicationScoped
class SharedWindows {

  /** What a claim obtained: how many requests, and the window they belong to. */
  record Grant(int granted, int remaining, Instant windowStart, long millisLeft) {}

  private final EntityManager em;

  SharedWindows(EntityManager em) {
    this.em = em;
  }

  /**
   * Takes up to {@code chunk} requests from the key's current window, starting a new window when
   * the last one is over. The counter goes up by the whole chunk from at most the quota, so the
   * grant is what lay under the quota: exact under any concurrency, in one round trip.
   */
  Grant claim(UUID keyId, int chunk, int quota, long windowSeconds) {
    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        em.createNativeQuery(
                                """
                                INSERT INTO rate_limit_window AS w (key_id, window_start, used)
                                VALUES (?1, now(), ?2)
                                ON CONFLICT (key_id) DO UPDATE SET
                                    window_start = CASE
                                        WHEN w.window_start + make_interval(secs => ?4) <= now()
                                        THEN now() ELSE w.window_start END,
                                    used = CASE
                                        WHEN w.window_start + make_interval(secs => ?4) <= now()
                                        THEN ?2 ELSE LEAST(w.used, ?3) + ?2 END
                                RETURNING used, window_start, (extract(epoch FROM
                                    w.window_start + make_interval(secs => ?4) - now()) * 1000)::bigint
                                """)
                            .setParameter(1, keyId)
                            .setParameter(2, chunk)
                            .setParameter(3, quota)
                            .setParameter(4, (double) windowSeconds)
                            .getSingleResult());
    int used = ((Number) row[0]).intValue();
    int before = used - chunk;
    int granted = Math.max(0, Math.min(chunk, quota - before));
    int remaining = quota - Math.min(used, quota);
    return new Grant(granted, remaining, instant(row[1]), ((Number) row[2]).longValue());
  }

  /**
   * Gives back requests a replica took and will not use, if their window is still the current one
   * (a later window starts from zero anyway).
   */
  void handBack(UUID keyId, Instant windowStart, int requests, int quota) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        """
                        UPDATE rate_limit_window SET used = GREATEST(LEAST(used, ?3) - ?4, 0)
                        WHERE key_id = ?1 AND window_start = ?2
                        """)
                    .setParameter(1, keyId)
                    .setParameter(2, windowStart)
                    .setParameter(3, quota)
                    .setParameter(4, requests)
                    .executeUpdate());
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
