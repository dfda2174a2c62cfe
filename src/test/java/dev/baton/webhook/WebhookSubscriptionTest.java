package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
  void createAnswersLocationAndASecretOfAtLeast24RandomBytes() {
    var response =
        as(As.MARKETING)
            .body(
                Map.of(
                    "url",
                    receiver.url(),
                    "eventTypes",
                    List.of("lead.rejected"),
                    "description",
                    "CRM sync"))
            .post(WEBHOOKS)
            .then()
            .statusCode(201)
            .body("webhook.url", equalTo(receiver.url()))
            .body("webhook.eventTypes", equalTo(List.of("lead.rejected")))
            .body("webhook.description", equalTo("CRM sync"))
            .body("webhook.state", equalTo("ACTIVE"))
            .body("secret", startsWith("whsec_"))
            .extract();
    String id = response.path("webhook.id");
    hooks.track(id);
    assertTrue(
        response.header("Location").endsWith(WEBHOOKS + "/" + id), response.header("Location"));
    String secret = response.path("secret");
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    assertTrue(key.length >= 24, "secret has only " + key.length + " bytes");

    // Two subscriptions never share a secret.
    String other = hooks.subscribe(receiver.url(), null).getString("secret");
    assertNotEquals(secret, other);
  }

  @Test
  void theSecretIsNeverShownAgain() {
    JsonPath created = hooks.subscribe(receiver.url(), null);
    String id = created.getString("webhook.id");
    String secret = created.getString("secret");
    String secretKey = secret.substring("whsec_".length());

    String one =
        as(As.MARKETING)
            .get(WEBHOOKS + "/" + id)
            .then()
            .statusCode(200)
            .body("id", equalTo(id))
            .body("secret", nullValue())
            .body("eventTypes", nullValue())
            .extract()
            .asString();
    assertFalse(one.contains(secretKey), one);

    assertTrue(allPages(as(As.MARKETING)).contains(id), "own subscription missing from the list");
    String list =
        as(As.MARKETING).queryParam("limit", 200).get(WEBHOOKS).then().extract().asString();
    assertFalse(list.contains(secretKey), "the list shows the secret");
    assertFalse(list.contains("\"secret\""), "the list has a secret field");
    String asAdmin =
        as(As.ADMIN).queryParam("limit", 200).get(WEBHOOKS).then().extract().asString();
    assertFalse(asAdmin.contains(secretKey), "the admin list shows the secret");

    String patched =
        as(As.MARKETING)
            .body(Map.of("description", "x"))
            .patch(WEBHOOKS + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(patched.contains(secretKey), patched);
  }

  @Test
  void anotherKeyCannotSeeOrTouchASubscriptionButAnAdminCan() {
    String id = hooks.subscribe(receiver.url(), null).getString("webhook.id");
    RequestSpecification other = secondMarketingKey();

    for (var call :
        List
            .<java.util.function.Function<RequestSpecification, io.restassured.response.Response>>
                of(
                    r -> r.get(WEBHOOKS + "/" + id),
                    r -> r.body(Map.of("paused", true)).patch(WEBHOOKS + "/" + id),
                    r -> r.get(WEBHOOKS + "/" + id + "/deliveries"),
                    r -> r.post(WEBHOOKS + "/" + id + "/rotate-secret"),
                    r -> r.post(WEBHOOKS + "/" + id + "/test"),
                    r -> r.delete(WEBHOOKS + "/" + id))) {
      call.apply(copy(other))
          .then()
          .statusCode(404)
          .body("type", endsWith(":not-found"))
          .body("status", equalTo(404));
    }
    assertFalse(allPages(copy(other)).contains(id), "another key lists the subscription");

    // Still there, untouched, for its owner and for an admin.
    as(As.MARKETING)
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(200)
        .body("state", equalTo("ACTIVE"));
    as(As.ADMIN).get(WEBHOOKS + "/" + id).then().statusCode(200).body("id", equalTo(id));
    assertTrue(allPages(as(As.ADMIN)).contains(id), "an admin lists every subscription");
  }

  @Test
  void analystsMayNotUseWebhooks() {
    as(As.ANALYST)
        .body(Map.of("url", receiver.url()))
        .post(WEBHOOKS)
        .then()
        .statusCode(403)
        .body("type", endsWith(":forbidden"))
        .body("status", equalTo(403));
    as(As.ANALYST)
        .get(WEBHOOKS)
        .then()
        .statusCode(403)
        .body("type", endsWith(":forbidden"))
        .body("status", equalTo(403));
    String id = hooks.subscribe(receiver.url(), null).getString("webhook.id");
    as(As.ANALYST)
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(403)
        .body("type", endsWith(":forbidden"));
  }

  @Test
  void salesMaySubscribeToo() {
    hooks.subscribe(As.SALES, receiver.url(), List.of("lead.accepted"));
  }

  @Test
  void aCallerAcceptingOnlyProblemsGetsTheJsonAnswer() {
    // Generated clients send the first media type an operation lists, sometimes the problem's.
    String problemsOnly = "application/problem+json";
    String id =
        as(As.MARKETING)
            .accept(problemsOnly)
            .body(Map.of("url", receiver.url()))
            .post(WEBHOOKS)
            .then()
            .statusCode(201)
            .contentType(ContentType.JSON)
            .extract()
            .path("webhook.id");
    as(As.MARKETING)
        .accept(problemsOnly)
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    as(As.MARKETING)
        .accept(problemsOnly + ";q=0.9")
        .get(WEBHOOKS + "/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(problemsOnly)
        .body("type", equalTo("urn:baton:problem:not-found"));
    as(As.MARKETING).accept(problemsOnly).delete(WEBHOOKS + "/" + id).then().statusCode(204);
    as(As.MARKETING)
        .accept("text/html")
        .get(WEBHOOKS)
        .then()
        .statusCode(406)
        .body("type", equalTo("urn:baton:problem:not-acceptable"));
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

  @Test
  void duringTheOverlapAfterRotationMessagesCarryBothSignatures() throws Exception {
    JsonPath created = hooks.subscribe(receiver.url(), List.of("lead.qualified"));
    String id = created.getString("webhook.id");
    String oldSecret = created.getString("secret");

    String newSecret =
        as(As.MARKETING)
            .post(WEBHOOKS + "/" + id + "/rotate-secret")
            .then()
            .statusCode(200)
            .body("webhook.id", equalTo(id))
            .body("secret", startsWith("whsec_"))
            .extract()
            .path("secret");
    assertNotEquals(oldSecret, newSecret);
    assertTrue(Base64.getDecoder().decode(newSecret.substring(6)).length >= 24);
    as(As.MARKETING).get(WEBHOOKS + "/" + id).then().body("secret", nullValue());

    String lead = Leads.leadIn("GENERATED");
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
    Receiver.Message message = receiver.await(m -> lead.equals(m.leadId()), 1, 15).get(0);

    List<String> signatures = Receiver.signatures(message);
    assertEquals(2, signatures.size(), "expected two space-separated signatures: " + message);
    assertTrue(message.signature().matches("v1,\\S+ v1,\\S+"), "header: " + message.signature());
    Receiver.verify(oldSecret, message);
    Receiver.verify(newSecret, message);
    // One signature per secret.
    assertTrue(signatures.contains(Receiver.expected(oldSecret, message)));
    assertTrue(signatures.contains(Receiver.expected(newSecret, message)));
    assertNotEquals(signatures.get(0), signatures.get(1));

    // The test ping is signed the same way.
    as(As.MARKETING).post(WEBHOOKS + "/" + id + "/test").then().statusCode(200);
    Receiver.Message ping = receiver.await(m -> "webhook.test".equals(m.type()), 1, 10).get(0);
    assertEquals(2, Receiver.signatures(ping).size());
    Receiver.verify(oldSecret, ping);
    Receiver.verify(newSecret, ping);
  }

  // ---------------------------------------------------------------------------------------------

  /** A marketing key of its own, not the one the other tests share. */
  private static RequestSpecification secondMarketingKey() {
    String key =
        as(As.ADMIN)
            .body(Map.of("name", "webhook-other-" + UUID.randomUUID(), "role", "MARKETING"))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    return given().auth().oauth2(key).contentType(ContentType.JSON);
  }

  private static RequestSpecification copy(RequestSpecification spec) {
    // RestAssured specifications keep a body once set: a fresh one per call.
    return given().spec(spec);
  }

  /** Every subscription id the caller lists, following the cursor. */
  private static List<String> allPages(RequestSpecification caller) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page =
          given()
              .spec(caller)
              .queryParam("limit", 100)
              .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
              .get(WEBHOOKS)
              .then()
              .statusCode(200)
              .body("data", not(nullValue()))
              .extract()
              .jsonPath();
      ids.addAll(page.getList("data.id"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return ids;
  }
}
