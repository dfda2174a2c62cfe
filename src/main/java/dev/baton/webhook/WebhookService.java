package dev.baton.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.config.BatonConfig;
import dev.baton.db.BatonClock;
import dev.baton.paging.Cursor;
import dev.baton.paging.Page;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import dev.baton.webhook.WebhookRecords.DeliveryView;
import dev.baton.webhook.WebhookRecords.NewWebhook;
import dev.baton.webhook.WebhookRecords.TestResult;
import dev.baton.webhook.WebhookRecords.WebhookPatch;
import dev.baton.webhook.WebhookRecords.WebhookView;
import dev.baton.webhook.WebhookRecords.WebhookWithSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Subscriptions, their deliveries, redelivery and test pings. A key sees its own; admins all. */
@ApplicationScoped
public class WebhookService {

  private final WebhookRepository webhooks;
  private final WebhookRequests requests;
  private final DeliveryService deliveries;
  private final BatonConfig config;
  private final BatonClock clock;

  public WebhookService(
      WebhookRepository webhooks,
      WebhookRequests requests,
      DeliveryService deliveries,
      BatonConfig config,
      BatonClock clock) {
    this.webhooks = webhooks;
    this.requests = requests;
    this.deliveries = deliveries;
    this.config = config;
    this.clock = clock;
  }

  @Transactional
  public WebhookWithSecret create(NewWebhook in, Caller caller) {
    List<String> types = WebhookRequests.everyWhenEmpty(in.eventTypes());
    WebhookRequests.checkTypes(types);
    String url = requests.url(in.url());
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
    WebhookPatch in = requests.patch(body);
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
      url = requests.url(in.url());
    }
    List<String> types =
        body.has("eventTypes")
            ? WebhookRequests.everyWhenEmpty(in.eventTypes())
            : webhook.getEventTypes();
    WebhookRequests.checkTypes(types);
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
    deliveries.failPending(id, clock.now());
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
    return deliveries.page(id, after, limit);
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
    return deliveries.redeliver(id, deliveryId, clock.now());
  }

  /** A signed ping, sent now; only the status code and latency are reported back. */
  public TestResult test(UUID id, Caller caller) {
    Webhook webhook = QuarkusTransaction.requiringNew().call(() -> find(id, caller));
    return deliveries.ping(webhook, clock.now());
  }

  private Webhook find(UUID id, Caller caller) {
    return webhooks.visible(id, caller).orElseThrow(() -> ProblemException.notFound("webhook", id));
  }
}
