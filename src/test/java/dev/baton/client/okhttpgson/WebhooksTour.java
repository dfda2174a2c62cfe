package dev.baton.client.okhttpgson;

import static dev.baton.client.okhttpgson.Clients.as;
import static dev.baton.client.okhttpgson.Clients.handOff;
import static dev.baton.client.okhttpgson.Clients.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.client.gson.api.WebhooksApi;
import dev.baton.client.gson.model.InitialStatus;
import dev.baton.client.gson.model.Lead;
import dev.baton.client.gson.model.LeadCreatedMessage;
import dev.baton.client.gson.model.NewWebhook;
import dev.baton.client.gson.model.Problem;
import dev.baton.client.gson.model.Role;
import dev.baton.client.gson.model.State;
import dev.baton.client.gson.model.Webhook;
import dev.baton.client.gson.model.WebhookDelivery;
import dev.baton.client.gson.model.WebhookMessage;
import dev.baton.client.gson.model.WebhookPage;
import dev.baton.client.gson.model.WebhookPatch;
import dev.baton.client.gson.model.WebhookTestResult;
import dev.baton.client.gson.model.WebhookWithSecret;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions, their deliveries and signatures through the okhttp-gson client. */
interface WebhooksTour {

  @Test
  default void aSubscriptionReceivesSignedDeliveriesThatCanBeSentAgain() throws Exception {
    try (Receiver receiver = new Receiver().start()) {
      WebhooksApi webhooks = new WebhooksApi(as(Role.MARKETING));
      WebhookWithSecret created =
          webhooks.createWebhook(new NewWebhook().url(receiver.url()), null);
      UUID id = created.getWebhook().getId();
      try {
        deliveredSignedAndSentAgain(webhooks, receiver, created);
      } finally {
        webhooks.deleteWebhook(id); // no receiver after this test
      }
    }
  }

  private static void deliveredSignedAndSentAgain(
      WebhooksApi webhooks, Receiver receiver, WebhookWithSecret created) throws Exception {
    UUID id = created.getWebhook().getId();
    assertEquals(State.ACTIVE, created.getWebhook().getState());
    Lead lead = handOff(InitialStatus.GENERATED);
    Message received =
        receiver.await(m -> lead.getId().toString().equals(m.leadId()), 1, 30).get(0);
    assertEquals("lead.created", received.type());

    String secret = created.getSecret();
    String body = received.body();
    List<UUID> handedOff = new ArrayList<>();
    // snippet:verify-webhook
    // secret: the "whsec_..." createWebhook answered; body: the request body as received
    com.standardwebhooks.Webhook verifier = new com.standardwebhooks.Webhook(secret);
    verifier.verify( // throws WebhookVerificationException when forged, altered or stale
        body,
        Map.of(
            "webhook-id", List.of(received.id()),
            "webhook-timestamp", List.of(received.timestamp()),
            "webhook-signature", List.of(received.signature())));
    WebhookMessage message = WebhookMessage.fromJson(body); // one class per event type
    if (message.getActualInstance() instanceof LeadCreatedMessage newLead) {
      handedOff.add(newLead.getData().getLeadId()); // de-duplicate on received.id()
    }
    // end-snippet
    assertEquals(List.of(lead.getId()), handedOff);

    WebhookDelivery delivery = delivered(webhooks, id, received.id());
    assertEquals("lead.created", delivery.getEventType());
    assertEquals(lead.getId(), delivery.getLeadId());
    WebhookDelivery again = webhooks.redeliverWebhook(id, received.id(), null);
    assertEquals(received.id(), again.getId());
    assertEquals("PENDING", again.getStatus());
    Message resent = receiver.await(m -> received.id().equals(m.id()), 2, 30).get(1);
    assertEquals(body, resent.body());

    WebhookTestResult ping = webhooks.testWebhook(id);
    assertTrue(ping.getSuccess(), ping.toString());
    assertEquals(204, ping.getStatusCode());
    WebhookWithSecret rotated = webhooks.rotateWebhookSecret(id, null);
    assertTrue(rotated.getSecret().startsWith("whsec_"), rotated.getSecret());
    assertNotEquals(secret, rotated.getSecret());
  }

  @Test
  default void aSubscriptionIsPausedReadListedAndDeleted() throws Exception {
    WebhooksApi webhooks = new WebhooksApi(as(Role.SALES));
    String url = "http://127.0.0.1:9/" + UUID.randomUUID();
    UUID id = webhooks.createWebhook(new NewWebhook().url(url), null).getWebhook().getId();

    Webhook paused = webhooks.updateWebhook(id, new WebhookPatch().paused(true));
    assertEquals(State.PAUSED, paused.getState());
    assertEquals(url, paused.getUrl());
    assertEquals(State.PAUSED, webhooks.getWebhook(id).getState());
    assertTrue(allWebhooks(webhooks).contains(id));

    webhooks.deleteWebhook(id);
    assertEquals(
        "urn:baton:problem:not-found", refused(404, () -> webhooks.getWebhook(id)).getType());
    assertFalse(allWebhooks(webhooks).contains(id));
  }

  @Test
  default void anUnknownSubscriptionOrDeliveryIsNotFoundAndABadUrlIsRefused() {
    WebhooksApi webhooks = new WebhooksApi(as(Role.MARKETING));
    UUID unknown = UUID.randomUUID();
    List<Problem> problems =
        List.of(
            refused(404, () -> webhooks.updateWebhook(unknown, new WebhookPatch().paused(true))),
            refused(404, () -> webhooks.deleteWebhook(unknown)),
            refused(404, () -> webhooks.listWebhookDeliveries(unknown, null, null)),
            refused(404, () -> webhooks.redeliverWebhook(unknown, "msg_unknown", null)),
            refused(404, () -> webhooks.rotateWebhookSecret(unknown, null)),
            refused(404, () -> webhooks.testWebhook(unknown)));
    problems.forEach(p -> assertEquals("urn:baton:problem:not-found", p.getType(), p.toString()));

    Problem badUrl =
        refused(400, () -> webhooks.createWebhook(new NewWebhook().url("not a url"), null));
    assertEquals("url", badUrl.getErrors().get(0).getField());
    Problem badLimit = refused(400, () -> webhooks.listWebhooks(null, 0));
    assertEquals("limit", badLimit.getErrors().get(0).getField());
  }

  /** The delivery with this id, once its first attempt is over (a redelivery waits for that). */
  private static WebhookDelivery delivered(WebhooksApi webhooks, UUID webhook, String deliveryId)
      throws Exception {
    for (int attempt = 0; attempt < 300; attempt++) {
      for (WebhookDelivery delivery :
          webhooks.listWebhookDeliveries(webhook, null, 200).getData()) {
        if (delivery.getId().equals(deliveryId) && !"PENDING".equals(delivery.getStatus())) {
          assertEquals("SUCCEEDED", delivery.getStatus(), delivery.toString());
          return delivery;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("delivery " + deliveryId + " never finished");
  }

  private static List<UUID> allWebhooks(WebhooksApi webhooks) throws Exception {
    List<UUID> ids = new ArrayList<>();
    String cursor = null;
    do {
      WebhookPage page = webhooks.listWebhooks(cursor, 200);
      page.getData().forEach(w -> ids.add(w.getId()));
      cursor = page.getNextCursor();
    } while (cursor != null);
    return ids;
  }
}
