package dev.baton.webhook;

import dev.baton.common.BatonClock;
import dev.baton.common.BatonConfig;
import dev.baton.common.DatabaseFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * Every replica sends the outbox's due deliveries. A batch is claimed with a lease (SKIP LOCKED,
 * then {@code claimed_until}), sent outside any transaction, and its outcomes recorded; a replica
 * that dies mid-batch lets its lease expire and another sends again, with the same webhook-id (at
 * least once). For one lead and one subscription only the earliest pending delivery is ever
 * claimed, so events arrive in order: the next waits until the previous succeeded or failed.
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  static final int BATCH = 32;

  record Claimed(
      UUID id, UUID webhookId, String url, List<String> secrets, String payload, int attempts) {

    String messageId() {
      return messageId(id);
    }

    static String messageId(UUID delivery) {
      return "msg_" + delivery.toString().replace("-", "");
    }

    /** The delivery a webhook-id names, or the text itself when it is not one. */
    static String delivery(String messageId) {
      return messageId.startsWith("msg_") && messageId.length() == 36
          ? messageId.substring(4).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")
          : messageId;
    }
  }

  private final EntityManager em;
  private final WebhookSender sender;
  private final BatonConfig.Webhook config;
  private final BatonClock clock;
  private final DeliveryOutcomes outcomes;
  private final ExecutorService senders = Executors.newFixedThreadPool(BATCH);

  public WebhookDispatcher(
      EntityManager em,
      WebhookSender sender,
      BatonConfig config,
      DeliveryOutcomes outcomes,
      BatonClock clock) {
    this.em = em;
    this.sender = sender;
    this.config = config.webhook();
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** Set when the replica stops: no new batch is claimed. */
  private volatile boolean stopping;

  /** Read-held by every dispatch running, so that stopping can wait for them all. */
  private final ReentrantReadWriteLock dispatching = new ReentrantReadWriteLock();

  /** Deliveries this replica claimed and has not recorded yet. */
  private final Set<UUID> inHand = ConcurrentHashMap.newKeySet();

  /**
   * On SIGTERM (after the HTTP server finished its requests): claim nothing more, let the sends in
   * flight finish and be recorded (at most the send timeout), then hand back the leases of whatever
   * this replica still holds, so that another replica sends it at once rather than when the lease
   * expires.
   */
  void onShutdown(@Observes ShutdownEvent event) {
    stopping = true;
    Duration wait = config.timeout().plusSeconds(5);
    try {
      if (awaitIdle(wait)) {
        release();
      } else {
        // Still sending: handing back now could let another replica send the same delivery at
        // once. The leases expire by themselves instead.
        LOG.warnf("Stopping: webhook sends still running after %s; their leases will expire", wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits, at most {@code wait}, until no dispatch runs on this replica (the scheduled one or any
   * other), so that every send it claimed has been recorded; answers whether that happened.
   */
  public boolean awaitIdle(Duration wait) throws InterruptedException {
    if (dispatching.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      dispatching.writeLock().unlock();
      return true;
    }
    return false;
  }

  @PreDestroy
  void stop() {
    senders.shutdownNow();
  }

  /** Hands back the leases of the deliveries this replica holds. */
  private void release() {
    List<UUID> held = new ArrayList<>(inHand);
    if (held.isEmpty()) {
      return;
    }
    try {
      int released =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createNativeQuery(
                              "UPDATE webhook_delivery SET claimed_until = NULL"
                                  + " WHERE id = ANY(CAST(?1 AS uuid[])) AND status = 'PENDING'")
                          .setParameter(1, held.stream().map(UUID::toString).toArray(String[]::new))
                          .executeUpdate());
      inHand.removeAll(held);
      LOG.infof("Stopping: handed back %d webhook deliveries", released);
    } catch (RuntimeException e) {
      // The database is gone too: the leases expire by themselves.
      LOG.warnf(
          "Stopping: could not hand back %d webhook deliveries (%s)",
          held.size(), e.getClass().getName());
    }
  }

  @Scheduled(
      every = "${baton.webhook.dispatch-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    try {
      dispatch();
    } catch (RuntimeException e) {
      // Without the database there is nothing to send: one warning, and the next run catches up.
      if (!DatabaseFailures.transientFailure(e)) {
        throw e;
      }
    }
  }

  /** Sends everything due now; answers how many attempts were made. */
  public int dispatch() {
    if (stopping) {
      return 0;
    }
    dispatching.readLock().lock();
    try {
      return dispatchBatches();
    } finally {
      dispatching.readLock().unlock();
    }
  }

  private int dispatchBatches() {
    int sent = 0;
    List<Claimed> batch;
    do {
      if (stopping) {
        return sent;
      }
      batch = QuarkusTransaction.requiringNew().call(this::claim);
      batch.forEach(claimed -> inHand.add(claimed.id()));
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (Claimed claimed : batch) {
        running.add(
            CompletableFuture.runAsync(
                () -> {
                  WebhookSender.Outcome outcome =
                      sender.send(
                          claimed.url(), claimed.secrets(), claimed.messageId(), claimed.payload());
                  QuarkusTransaction.requiringNew().run(() -> record(claimed, outcome));
                  inHand.remove(claimed.id());
                },
                senders));
      }
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
      sent += batch.size();
    } while (batch.size() == BATCH);
    return sent;
  }

  @SuppressWarnings("unchecked")
  private List<Claimed> claim() {
    Instant now = clock.now();
    // Longer than a send can take (the timeout, plus the sender's margin), so that a delivery is
    // never sent twice at once; short enough that a dead replica's work is soon taken over.
    Instant lease = now.plus(config.timeout().multipliedBy(2)).plusSeconds(5);
    List<Object[]> rows =
        em.createNativeQuery(
                """
                UPDATE webhook_delivery SET claimed_until = ?2
                WHERE id IN (
                    SELECT d.id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1
                        AND (d.claimed_until IS NULL OR d.claimed_until < ?1)
                        AND w.state = 'ACTIVE' AND w.deleted_at IS NULL
                        AND NOT EXISTS (
                            SELECT 1 FROM webhook_delivery e
                            WHERE e.webhook_id = d.webhook_id AND e.lead_id = d.lead_id
                                AND e.status = 'PENDING' AND e.seq < d.seq)
                    ORDER BY d.next_attempt_at
                    LIMIT ?3
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING id, webhook_id, payload, attempts
                """)
            .setParameter(1, now)
            .setParameter(2, lease)
            .setParameter(3, BATCH)
            .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (Object[] row : rows) {
      Webhook webhook = em.find(Webhook.class, row[1]);
      claimed.add(
          new Claimed(
              (UUID) row[0],
              webhook.getId(),
              webhook.getUrl(),
              webhook.signingSecrets(now),
              (String) row[2],
              ((Number) row[3]).intValue()));
    }
    return claimed;
  }

  /** Records an attempt and decides what comes next: done, a retry later, or giving up. */
  void record(Claimed claimed, WebhookSender.Outcome outcome) {
    Instant now = clock.now();
    em.createNativeQuery(
            "INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, latency_ms,"
                + " error) VALUES (?1, ?2, ?3, ?4, ?5)")
        .unwrap(NativeQuery.class)
        .setParameter(1, claimed.id())
        .setParameter(2, now)
        .setParameter(3, outcome.statusCode(), StandardBasicTypes.INTEGER)
        .setParameter(4, outcome.latencyMs())
        .setParameter(5, outcome.error(), StandardBasicTypes.STRING)
        .executeUpdate();
    Webhook webhook = em.find(Webhook.class, claimed.webhookId());
    int attempts = claimed.attempts() + 1;
    String status;
    Instant next = null;
    String counted;
    if (outcome.success()) {
      status = "SUCCEEDED";
      counted = DeliveryOutcomes.SUCCEEDED;
      webhook.succeeded();
    } else if (Integer.valueOf(410).equals(outcome.statusCode())) {
      status = "FAILED";
      counted = DeliveryOutcomes.GONE;
      webhook.disable("the receiver answered 410 Gone", now);
    } else {
      List<Duration> schedule = config.retrySchedule();
      status = attempts > schedule.size() ? "FAILED" : "PENDING";
      counted = status.equals("FAILED") ? DeliveryOutcomes.FAILED : DeliveryOutcomes.RETRYING;
      if (status.equals("PENDING")) {
        next = now.plus(wait(schedule.get(attempts - 1), outcome));
      }
      webhook.failed(now, config.pauseAfter());
    }
    outcomes.count(counted);
    em.createNativeQuery(
            "UPDATE webhook_delivery SET status = ?2, attempts = ?3, next_attempt_at = ?4,"
                + " claimed_until = NULL, finished_at = CASE WHEN ?2 = 'PENDING' THEN NULL"
                + " ELSE CAST(?5 AS timestamptz) END WHERE id = ?1")
        .setParameter(1, claimed.id())
        .setParameter(2, status)
        .setParameter(3, attempts)
        .setParameter(4, next == null ? now : next)
        .setParameter(5, now)
        .executeUpdate();
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
