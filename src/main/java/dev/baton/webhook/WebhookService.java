package dev.baton.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.apikey.Caller;
import dev.baton.common.BatonClock;
import dev.baton.common.BatonConfig;
import dev.baton.common.Cursor;
import dev.baton.common.JsonBinder;
import dev.baton.common.Page;
import dev.baton.common.Problem.FieldError;
import dev.baton.common.ProblemException;
import dev.baton.common.ProblemType;
import dev.baton.event.EventType;
import dev.baton.webhook.WebhookRecords.AttemptView;
import dev.baton.webhook.WebhookRecords.DeliveryView;
import dev.baton.webhook.WebhookRecords.NewWebhook;
import dev.baton.webhook.WebhookRecords.TestResult;
import dev.baton.webhook.WebhookRecords.WebhookPatch;
import dev.baton.webhook.WebhookRecords.WebhookView;
import dev.baton.webhook.WebhookRecords.WebhookWithSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subscriptions, their deliveries, redelivery and test pings. A key sees its own; admins all. */
@ApplicationScoped
public class WebhookService {

  private final WebhookRepository webhooks;
  private final WebhookUrls urls;
  private final WebhookSender sender;
  private final WebhookOutbox outbox;
  private final EntityManager em;
  private final JsonBinder binder;
  private final BatonConfig config;
  private final BatonClock clock;

  public WebhookService(
      WebhookRepository webhooks,
      WebhookUrls urls,
      WebhookSender sender,
      WebhookOutbox outbox,
      EntityManager em,
      JsonBinder binder,
      BatonConfig config,
      BatonClock clock) {
    this.webhooks = webhooks;
    this.urls = urls;
    this.sender = sender;
    this.outbox = outbox;
    this.em = em;
    this.binder = binder;
    this.config = config;
    this.clock = clock;
  }

  @Transactional
  public WebhookWithSecret create(NewWebhook in, Caller caller) {
    List<String> types = everyWhenEmpty(in.eventTypes());
    checkTypes(types);
    String url = urls.check(in.url(), "url").toString();
    Webhook webhook = new Webhook(caller.keyId(), url, types, in.description(), clock.now());
    webhooks.persist(webhook);
    return new WebhookWithSecret(webhook.view(), webhook.getSecret());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<WebhookView> list(Caller caller, Cursor after, int limit) {
    return Cursor.page(
        webhooks.page(caller, after, limit + 1),
        limit,
        w -> new Cursor(w.view().createdAt(), w.getId()),
        Webhook::view);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public WebhookView get(UUID id, Caller caller) {
    return find(id, caller).view();
  }

  /** Absent fields stay; {@code eventTypes} null or empty means every type again. */
  @Transactional
  public WebhookView patch(UUID id, JsonNode body, Caller caller) {
    if (body == null || !body.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object");
    }
    WebhookPatch in = binder.bindValid(body, WebhookPatch.class);
    Webhook webhook = find(id, caller);
    if (webhook.getState() == Webhook.State.DISABLED) {
      throw new ProblemException(
          ProblemType.WEBHOOK_DISABLED,
          "The receiver answered 410 Gone; create a new subscription");
    }
    String url = webhook.getUrl();
    if (body.has("url")) {
      if (in.url() == null) {
        throw ProblemException.invalid("url", "must not be null");
      }
      url = urls.check(in.url(), "url").toString();
    }
    List<String> types =
        body.has("eventTypes") ? everyWhenEmpty(in.eventTypes()) : webhook.getEventTypes();
    checkTypes(types);
    String description = body.has("description") ? in.description() : webhook.getDescription();
    Instant now = clock.now();
    webhook.change(url, types, description, now);
    if (in.paused() != null) {
      webhook.pause(in.paused(), "paused by its owner", now);
    }
    return webhook.view();
  }

  @Transactional
  public void delete(UUID id, Caller caller) {
    Webhook webhook = find(id, caller);
    webhook.delete(clock.now());
    em.createNativeQuery(
            "UPDATE webhook_delivery SET status = 'FAILED', finished_at = ?2"
                + " WHERE webhook_id = ?1 AND status = 'PENDING'")
        .setParameter(1, id)
        .setParameter(2, clock.now())
        .executeUpdate();
  }

  @Transactional
  public WebhookWithSecret rotate(UUID id, Caller caller) {
    Webhook webhook = find(id, caller);
    String secret = webhook.rotate(config.webhook().secretOverlap(), clock.now());
    return new WebhookWithSecret(webhook.view(), secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<DeliveryView> deliveries(UUID id, Caller caller, Cursor after, int limit) {
    find(id, caller);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, event_id, event_type, lead_id, status, attempts, next_attempt_at,"
                    + " created_at FROM webhook_delivery WHERE webhook_id = ?1 AND (CAST(?2 AS"
                    + " timestamptz) IS NULL OR (created_at, id) > (CAST(?2 AS timestamptz),"
                    + " CAST(?3 AS uuid))) ORDER BY created_at, id LIMIT ?4")
            .unwrap(org.hibernate.query.NativeQuery.class)
            .setParameter(1, id)
            .setParameter(
                2, after == null ? null : after.at(), org.hibernate.type.StandardBasicTypes.INSTANT)
            .setParameter(
                3, after == null ? null : after.id(), org.hibernate.type.StandardBasicTypes.UUID)
            .setParameter(4, limit + 1)
            .getResultList();
    List<DeliveryView> views = new ArrayList<>();
    for (Object[] row : rows) {
      views.add(delivery(row));
    }
    return Cursor.page(views, limit, d -> new Cursor(d.createdAt(), deliveryId(d)), d -> d);
  }

  /** Sends a delivery once more, whatever became of it, keeping its webhook-id. */
  @Transactional
  public DeliveryView redeliver(UUID id, UUID deliveryId, Caller caller) {
    Webhook webhook = find(id, caller);
    if (webhook.getState() == Webhook.State.DISABLED) {
      throw new ProblemException(
          ProblemType.WEBHOOK_DISABLED,
          "The receiver answered 410 Gone; nothing more is sent to it");
    }
    Instant now = clock.now();
    int updated =
        em.createNativeQuery(
                "UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?3,"
                    + " finished_at = NULL WHERE id = ?2 AND webhook_id = ?1"
                    + " AND (claimed_until IS NULL OR claimed_until < ?3)")
            .setParameter(1, id)
            .setParameter(2, deliveryId)
            .setParameter(3, now)
            .executeUpdate();
    if (updated == 0) {
      one(deliveryId, id); // 404 when it is not this subscription's
      throw new ProblemException(
          ProblemType.DELIVERY_IN_FLIGHT,
          "The delivery is being sent right now; see its attempts, then redeliver if needed");
    }
    return one(deliveryId, id);
  }

  /** A signed ping, sent now; only the status code and latency are reported back. */
  public TestResult test(UUID id, Caller caller) {
    Webhook webhook = QuarkusTransaction.requiringNew().call(() -> find(id, caller));
    Instant now = clock.now();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("webhookId", webhook.getId());
    String body = outbox.json("webhook.test", now, data);
    WebhookSender.Outcome outcome =
        sender.send(
            webhook.getUrl(),
            webhook.signingSecrets(now),
            WebhookDispatcher.Claimed.messageId(UUID.randomUUID()),
            body);
    return new TestResult(
        outcome.statusCode(), outcome.latencyMs(), outcome.success(), outcome.error());
  }

  private DeliveryView one(UUID deliveryId, UUID webhookId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, event_id, event_type, lead_id, status, attempts, next_attempt_at,"
                    + " created_at FROM webhook_delivery WHERE id = ?1 AND webhook_id = ?2")
            .setParameter(1, deliveryId)
            .setParameter(2, webhookId)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("delivery", deliveryId);
    }
    return delivery(rows.get(0));
  }

  private DeliveryView delivery(Object[] row) {
    UUID id = (UUID) row[0];
    @SuppressWarnings("unchecked")
    List<Object[]> attempts =
        em.createNativeQuery(
                "SELECT attempted_at, status_code, latency_ms, error FROM webhook_attempt"
                    + " WHERE delivery_id = ?1 ORDER BY id")
            .setParameter(1, id)
            .getResultList();
    String status = (String) row[4];
    return new DeliveryView(
        WebhookDispatcher.Claimed.messageId(id),
        (UUID) row[1],
        (String) row[2],
        (UUID) row[3],
        status,
        ((Number) row[5]).intValue(),
        "PENDING".equals(status) ? instant(row[6]) : null,
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
    return UUID.fromString(WebhookDispatcher.Claimed.delivery(view.id()));
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

  private Webhook find(UUID id, Caller caller) {
    return webhooks.visible(id, caller).orElseThrow(() -> ProblemException.notFound("webhook", id));
  }

  /**
   * No list and an empty list both mean every event type: some generated clients send an empty list
   * for a member left unset, and a subscription to nothing would be useless anyway.
   */
  private static List<String> everyWhenEmpty(List<String> types) {
    return types == null || types.isEmpty() ? null : types;
  }

  private static void checkTypes(List<String> types) {
    if (types == null) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      if (!EventType.names().contains(types.get(i))) {
        errors.add(
            new FieldError(
                "eventTypes[" + i + "]", "must be one of " + String.join(", ", EventType.names())));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }
}
