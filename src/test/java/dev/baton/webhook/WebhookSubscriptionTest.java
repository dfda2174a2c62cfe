package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static dev.baton.webhook.Subscriptions.allPages;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A subscription's life: the event types it asks for (none meaning every type), changed by a patch
 * that leaves absent fields alone and pauses or resumes it, refused when a type or the URL is
 * invalid, and deleted for good.
 */
@QuarkusTest
class WebhookSubscriptionTest {

  private final Hooks hooks = new Hooks();
  @Inject WebhookDispatcher dispatcher;
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void anEmptyListOfEventTypesMeansEveryType() {
    as(As.MARKETING)
        .body(Map.of("url", receiver.url(), "eventTypes", List.of()))
        .post(WEBHOOKS)
        .then()
        .statusCode(201)
        .body("webhook.eventTypes", nullValue());
    String id = hooks.subscribe(receiver.url(), List.of("lead.created")).getString("webhook.id");
    as(As.MARKETING)
        .body(Map.of("eventTypes", List.of(), "paused", true))
        .patch(WEBHOOKS + "/" + id)
        .then()
        .statusCode(200)
        .body("eventTypes", nullValue())
        .body("state", equalTo("PAUSED"));
  }

  @Test
  void patchChangesUrlTypesDescriptionAndPause() throws Exception {
    String id = hooks.subscribe(receiver.url(), List.of("lead.created")).getString("webhook.id");
    try (Receiver second = new Receiver().start()) {
      as(As.MARKETING)
          .body(
              Map.of(
                  "url",
                  second.url(),
                  "eventTypes",
                  List.of("lead.qualified", "lead.rejected"),
                  "description",
                  "new"))
          .patch(WEBHOOKS + "/" + id)
          .then()
          .statusCode(200)
          .body("url", equalTo(second.url()))
          .body("eventTypes", equalTo(List.of("lead.qualified", "lead.rejected")))
          .body("description", equalTo("new"));

      // Absent fields stay.
      as(As.MARKETING)
          .body(Map.of("paused", true))
          .patch(WEBHOOKS + "/" + id)
          .then()
          .statusCode(200)
          .body("state", equalTo("PAUSED"))
          .body("stateReason", notNullValue())
          .body("url", equalTo(second.url()))
          .body("description", equalTo("new"))
          .body("eventTypes", equalTo(List.of("lead.qualified", "lead.rejected")));

      // While paused, deliveries wait; on resume they go.
      String lead = Leads.leadIn("GENERATED");
      Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
      Hooks.drain(dispatcher);
      assertEquals(List.of(), second.forLead(lead), "a paused subscription delivered");

      Map<String, Object> nullTypes = new HashMap<>();
      nullTypes.put("eventTypes", null);
      nullTypes.put("paused", false);
      as(As.MARKETING)
          .body(nullTypes)
          .patch(WEBHOOKS + "/" + id)
          .then()
          .statusCode(200)
          .body("state", equalTo("ACTIVE"))
          .body("stateReason", nullValue())
          .body("eventTypes", nullValue());
      as(As.MARKETING)
          .get(WEBHOOKS + "/" + id)
          .then()
          .body("eventTypes", nullValue())
          .body("state", equalTo("ACTIVE"));

      second.await(m -> lead.equals(m.leadId()), 1, 15);
      assertEquals("lead.qualified", second.forLead(lead).get(0).type());
      // With every type, a new event of any type arrives too.
      Leads.move(as(As.ADMIN), lead, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
      second.await(m -> lead.equals(m.leadId()) && "lead.rejected".equals(m.type()), 1, 15);
      assertEquals(List.of(), receiver.forLead(lead), "the old URL still receives");
    }
  }

  @Test
  void anUnknownEventTypeIsRefusedNamingIt() {
    as(As.MARKETING)
        .body(Map.of("url", receiver.url(), "eventTypes", List.of("lead.exploded")))
        .post(WEBHOOKS)
        .then()
        .statusCode(400)
        .body("type", endsWith(":validation-error"))
        .body("status", equalTo(400))
        .body("errors.field", hasItem("eventTypes[0]"));
    as(As.MARKETING)
        .body(Map.of("url", receiver.url(), "eventTypes", List.of("lead.qualified", "lead.nope")))
        .post(WEBHOOKS)
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("eventTypes[1]")));

    String id = hooks.subscribe(receiver.url(), null).getString("webhook.id");
    as(As.MARKETING)
        .body(Map.of("eventTypes", List.of("nope")))
        .patch(WEBHOOKS + "/" + id)
        .then()
        .statusCode(400)
        .body("type", endsWith(":validation-error"))
        .body("errors.field", hasItem("eventTypes[0]"));
    as(As.MARKETING).get(WEBHOOKS + "/" + id).then().body("eventTypes", nullValue());
  }

  @Test
  void aMissingOrMalformedUrlIsRefusedNamingIt() {
    as(As.MARKETING)
        .body(Map.of("eventTypes", List.of("lead.qualified")))
        .post(WEBHOOKS)
        .then()
        .statusCode(400)
        .body("type", endsWith(":validation-error"))
        .body("errors.field", hasItem("url"));
    for (String url : List.of("not a url", "ftp://127.0.0.1/x", "/relative", "http://")) {
      as(As.MARKETING)
          .body(Map.of("url", url))
          .post(WEBHOOKS)
          .then()
          .statusCode(400)
          .body("type", endsWith(":validation-error"))
          .body("errors.field", hasItem("url"));
    }
  }

  @Test
  void deleteAnswers204ThenTheSubscriptionIsGone() {
    String id = hooks.subscribe(receiver.url(), null).getString("webhook.id");
    as(As.MARKETING).delete(WEBHOOKS + "/" + id).then().statusCode(204);
    as(As.MARKETING)
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(404)
        .body("type", endsWith(":not-found"))
        .body("status", equalTo(404));
    as(As.MARKETING).delete(WEBHOOKS + "/" + id).then().statusCode(404);
    as(As.ADMIN).get(WEBHOOKS + "/" + id).then().statusCode(404);
    assertFalse(allPages(as(As.MARKETING)).contains(id));
  }

  @Test
  void aDeletedSubscriptionReceivesNothingMore() throws Exception {
    String id = hooks.subscribe(receiver.url(), null).getString("webhook.id");
    as(As.MARKETING).delete(WEBHOOKS + "/" + id).then().statusCode(204);
    String lead = Leads.leadIn("GENERATED");
    Hooks.drain(dispatcher);
    assertEquals(List.of(), receiver.forLead(lead));
  }

  @Test
  void unknownAndMalformedIdsAre404Or400() {
    as(As.MARKETING)
        .get(WEBHOOKS + "/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("type", endsWith(":not-found"));
    as(As.MARKETING)
        .get(WEBHOOKS + "/not-a-uuid")
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
  }
}
