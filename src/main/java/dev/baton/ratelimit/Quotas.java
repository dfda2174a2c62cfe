package dev.baton.ratelimit;

import dev.baton.config.BatonConfig;
import dev.baton.ratelimit.SharedWindows.Grant;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Each key's quota, as this replica spends it. Requests are taken from the shared window in chunks
 * of a fiftieth of the quota and served from memory, so a key costs one database round trip per
 * chunk instead of one per request; what a replica holds and does not use is handed back when the
 * key goes idle and when the replica stops.
 */
@ApplicationScoped
public class Quotas {

  /** A replica takes this fraction of the quota at a time: stranded requests stay under 2% each. */
  static final int CHUNKS_PER_WINDOW = 50;

  private static final Logger LOG = Logger.getLogger(Quotas.class);
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final SharedWindows windows;
  private final BatonConfig.RateLimit config;
  private final Map<UUID, Allowance> allowances = new ConcurrentHashMap<>();

  public Quotas(SharedWindows windows, BatonConfig config) {
    this.windows = windows;
    this.config = config.rateLimit();
  }

  void check(@Observes StartupEvent start) {
    if (config.requestsPerWindow() < 0
        || config.window().toSeconds() < 1
        || config.window().toNanos() % SECOND != 0) {
      throw new IllegalStateException(
          "BATON_RATE_LIMIT_REQUESTS_PER_WINDOW must be 0 (no limit) or more, and"
              + " BATON_RATE_LIMIT_WINDOW a whole number of seconds (e.g. 60S)");
    }
  }

  /** The quota of a key: its own, else the default; 0 when requests are not limited. */
  public int quotaOf(Integer own) {
    if (config.requestsPerWindow() == 0) {
      return 0;
    }
    return own != null ? own : config.requestsPerWindow();
  }

  public long windowSeconds() {
    return config.window().toSeconds();
  }

  /** Spends one request of the key's quota, or says when the next one will be allowed. */
  public Decision take(UUID keyId, int quota) {
    while (true) {
      Allowance allowance = allowances.computeIfAbsent(keyId, id -> new Allowance());
      synchronized (allowance) {
        if (!allowance.retired) {
          return allowance.take(keyId, quota);
        }
      }
    }
  }

  /**
   * Every second: forgets the windows that are over, and hands back what an idle key holds, so that
   * the other replicas can serve it.
   */
  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void settle() {
    long now = System.nanoTime();
    long idle = Math.max(SECOND, config.window().toNanos() / 10);
    List<Runnable> returns = new ArrayList<>();
    allowances.forEach(
        (keyId, allowance) -> {
          synchronized (allowance) {
            if (allowance.over(now) || allowance.windowStart == null) {
              allowance.retired = true;
              allowances.remove(keyId, allowance);
            } else if (allowance.tokens > 0 && now - allowance.lastUse >= idle) {
              returns.add(allowance.giveBack(keyId));
            }
          }
        });
    returns.forEach(Quotas::run);
  }

  void handBackAll(@Observes ShutdownEvent stop) {
    long now = System.nanoTime();
    List<Runnable> returns = new ArrayList<>();
    allowances.forEach(
        (keyId, allowance) -> {
          synchronized (allowance) {
            if (!allowance.over(now) && allowance.tokens > 0) {
              returns.add(allowance.giveBack(keyId));
            }
          }
        });
    returns.forEach(Quotas::run);
  }

  private static void run(Runnable handBack) {
    try {
      handBack.run();
    } catch (RuntimeException e) {
      // Not handed back is merely not served this window: the quota is never exceeded.
      LOG.debugf(e, "Could not hand back unused requests");
    }
  }

  /** One key's share of its current window on this replica. Guarded by its own monitor. */
  private final class Allowance {
    private Instant windowStart;
    private long endsAt;
    private int quota;
    private int tokens;
    private int sharedRemaining;
    private long recheckAt;
    private long lastUse;
    private boolean retired;

    Decision take(UUID keyId, int quota) {
      long now = System.nanoTime();
      if (over(now) || quota != this.quota) {
        windowStart = null;
        tokens = 0;
        recheckAt = now;
        this.quota = quota;
      }
      if (tokens == 0 && now - recheckAt >= 0) {
        claim(keyId, now);
      }
      lastUse = now;
      long reset = Math.max(1, (endsAt - now + SECOND - 1) / SECOND);
      if (tokens == 0) {
        return Decision.refused(quota, windowSeconds(), reset);
      }
      tokens--;
      return Decision.allowed(quota, windowSeconds(), sharedRemaining + tokens, reset);
    }

    private void claim(UUID keyId, long now) {
      int chunk = Math.max(1, quota / CHUNKS_PER_WINDOW);
      // The deadline is counted from before the round trip: local requests expire early, never
      // late, so they are never served in the next window.
      Grant grant = windows.claim(keyId, chunk, quota, windowSeconds());
      windowStart = grant.windowStart();
      endsAt = now + TimeUnit.MILLISECONDS.toNanos(grant.millisLeft());
      tokens = grant.granted();
      sharedRemaining = grant.remaining();
      // Spent: ask again at most once a second, for what other replicas may give back.
      recheckAt = tokens == 0 ? Math.min(endsAt, now + SECOND) : now;
    }

    boolean over(long now) {
      return windowStart != null && now - endsAt >= 0;
    }

    Runnable giveBack(UUID keyId) {
      int count = tokens;
      Instant start = windowStart;
      int ofQuota = quota;
      tokens = 0;
      sharedRemaining += count;
      return () -> windows.handBack(keyId, start, count, ofQuota);
    }
  }
}
