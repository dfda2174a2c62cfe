package dev.baton.webhook;

import dev.baton.paging.Cursor;
import dev.baton.paging.Page;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.webhook.WebhookRecords.AttemptView;
import dev.baton.webhook.WebhookRecords.DeliveryView;
import dev.baton.webhook.WebhookRecords.TestResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A subscription's deliveries as its owner sees them, with their attempts; a redelivery; a test
 * ping. {@link WebhookService} has checked the caller may see the subscription.
 */
@ApplicationScoped
class DeliveryService {

  private final DeliveryRepository deliveries;
  private final WebhookSender sender;
  private final WebhookOutbox outbox;

  DeliveryService(DeliveryRepository deliveries, WebhookSender sender, WebhookOutbox outbox) {
    this.deliveries = deliveries;
    this.sender = sender;
    this.outbox = outbox;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  Page<DeliveryView> page(UUID webhookId, Cursor after, int limit) {
    List<DeliveryView> views =
        deliveries.page(webhookId, after, limit + 1).stream().map(this::view).toList();
    return Cursor.page(views, limit, d -> new Cursor(d.createdAt(), deliveryId(d)), d -> d);
  }

  /** Sends a delivery once more, whatever became of it, keeping its webhook-id. */
  @Transactional(Transactional.TxType.MANDATORY)
  DeliveryView redeliver(UUID webhookId, UUID deliveryId, Instant now) {
    if (deliveries.redeliver(webhookId, deliveryId, now) == 0) {
      one(deliveryId, webhookId); // 404 when it is not this subscription's
      throw new ProblemException(
          ProblemType.DELIVERY_IN_FLIGHT,
          "The delivery is being sent right now; see its attempts, then redeliver if needed");
    }
    return one(deliveryId, webhookId);
  }

  /** The deliveries still pending to a subscription deleted {@code now} are given up. */
  @Transactional(Transactional.TxType.MANDATORY)
  void failPending(UUID webhookId, Instant now) {
    deliveries.failPending(webhookId, now);
  }

  /** A signed ping, sent now; only the status code and latency are reported back. */
  TestResult ping(Webhook webhook, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("webhookId", webhook.getId());
    String body = outbox.json("webhook.test", now, data);
    WebhookSender.Outcome outcome =
        sender.send(
            webhook.getUrl(), webhook.signingSecrets(now), MessageIds.of(UUID.randomUUID()), body);
    return new TestResult(
        outcome.statusCode(), outcome.latencyMs(), outcome.success(), outcome.error());
  }

  private DeliveryView one(UUID deliveryId, UUID webhookId) {
    return deliveries
        .find(deliveryId, webhookId)
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("delivery", deliveryId));
  }

  /** A row of {@link DeliveryRepository#page}, with its attempts. */
  private DeliveryView view(Object[] row) {
    UUID id = (UUID) row[0];
    List<Object[]> attempts = deliveries.attempts(id);
    String status = (String) row[4];
    return new DeliveryView(
        MessageIds.of(id),
        (UUID) row[1],
        (String) row[2],
        (UUID) row[3],
        status,
        ((Number) row[5]).intValue(),
        DeliveryStatus.PENDING.name().equals(status) ? instant(row[6]) : null,
        instant(row[7]),
        attempts.stream()
            .map(
                a ->
                    new AttemptView(
                        instant(a[0]),
                        a[1] == null ? null : ((Number) a[1]).intValue(),
                        ((Number) a[2]).intValue(),
                        (String) a[3]))
            .toList());
  }

  private static UUID deliveryId(DeliveryView view) {
    return UUID.fromString(MessageIds.delivery(view.id()));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
