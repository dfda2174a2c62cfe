package dev.baton.webhook;

import dev.baton.db.BatonClock;
import dev.baton.db.DatabaseFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
      return MessageIds.of(id);
    }
  }

  private final DeliveryRepository deliveries;
  private final WebhookRepository webhooks;
  private final WebhookSender sender;
  private final DeliveryOutcomes outcomes;
  private final BatonClock clock;
  private final ExecutorService senders = Executors.newFixedThreadPool(BATCH);

  public WebhookDispatcher(
      DeliveryRepository deliveries,
      WebhookRepository webhooks,
      WebhookSender sender,
      DeliveryOutcomes outcomes,
      BatonClock clock) {
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.sender = sender;
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
    Duration wait = sender.timeout().plusSeconds(5);
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
      int released = QuarkusTransaction.requiringNew().call(() -> deliveries.release(held));
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
                  QuarkusTransaction.requiringNew()
                      .run(() -> outcomes.record(claimed, outcome, clock.now()));
                  inHand.remove(claimed.id());
                },
                senders));
      }
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
      sent += batch.size();
    } while (batch.size() == BATCH);
    return sent;
  }

  private List<Claimed> claim() {
    Instant now = clock.now();
    // Longer than a send can take (the timeout, plus the sender's margin), so that a delivery is
    // never sent twice at once; short enough that a dead replica's work is soon taken over.
    Instant lease = now.plus(sender.timeout().multipliedBy(2)).plusSeconds(5);
    List<Claimed> claimed = new ArrayList<>();
    for (Object[] row : deliveries.claim(now, lease, BATCH)) {
      Webhook webhook = webhooks.findById((UUID) row[1]);
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
}
