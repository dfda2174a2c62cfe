package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redelivery and the test ping. */
@QuarkusTest
class WebhookReplayTest {

  private final Hooks hooks = new Hooks();
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void redeliverSendsTheSameWebhookIdAgain() throws Exception {
    JsonPath created = hooks.subscribe(receiver.url(), List.of("lead.qualified"));
    String id = created.getString("webhook.id");
    String lead = Leads.leadIn("GENERATED");
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of("score", 12)).then().statusCode(200);
    Message first = receiver.await(m -> lead.equals(m.leadId()), 1, 15).get(0);
    Hooks.awaitDelivery(id, first.id(), d -> "SUCCEEDED".equals(d.get("status")), 10);

    as(As.MARKETING)
        .post(WEBHOOKS + "/" + id + "/deliveries/" + first.id() + "/redeliver")
        .then()
        .statusCode(202)
        .body("id", equalTo(first.id()))
        .body("status", equalTo("PENDING"));

    Message again = receiver.await(m -> lead.equals(m.leadId()), 2, 15).get(1);
    Receiver.assertSameDelivery(first, again);
    StandardWebhooks.verify(created.getString("secret"), again);
    Map<String, Object> done =
        Hooks.awaitDelivery(
            id,
            first.id(),
            d -> "SUCCEEDED".equals(d.get("status")) && Hooks.attempts(d).size() == 2,
            10);
    assertEquals(2, Hooks.attempts(done).size());
  }

  @Test
  void aDeliveryThatFailedCanBeRedelivered() throws Exception {
    receiver.answer((m, attempt) -> Reply.status(attempt <= 4 ? 500 : 204));
    JsonPath created = hooks.subscribe(receiver.url(), List.of("lead.qualified"));
    String id = created.getString("webhook.id");
    String lead = Leads.leadIn("GENERATED");
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
    Message first = receiver.await(m -> lead.equals(m.leadId()), 1, 15).get(0);
    Hooks.awaitDelivery(id, first.id(), d -> "FAILED".equals(d.get("status")), 30);

    as(As.MARKETING)
        .post(WEBHOOKS + "/" + id + "/deliveries/" + first.id() + "/redeliver")
        .then()
        .statusCode(202);
    Message fifth = receiver.await(m -> lead.equals(m.leadId()), 5, 15).get(4);
    Receiver.assertSameDelivery(first, fifth);
    Hooks.awaitDelivery(id, first.id(), d -> "SUCCEEDED".equals(d.get("status")), 10);
  }

  @Test
  void redeliveringAnUnknownOrForeignDeliveryIs404() throws Exception {
    String mine =
        hooks.subscribe(receiver.url(), List.of("lead.qualified")).getString("webhook.id");
    String lead = Leads.leadIn("GENERATED");
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
    Message first = receiver.await(m -> lead.equals(m.leadId()), 1, 15).get(0);

    as(As.MARKETING)
        .post(
            WEBHOOKS
                + "/"
                + mine
                + "/deliveries/msg_"
                + UUID.randomUUID().toString().replace("-", "")
                + "/redeliver")
        .then()
        .statusCode(404)
        .body("type", endsWith(":not-found"))
        .body("status", equalTo(404));
    // A delivery of one subscription is not found under another.
    String other =
        hooks.subscribe(receiver.url(), List.of("lead.rejected")).getString("webhook.id");
    as(As.MARKETING)
        .post(WEBHOOKS + "/" + other + "/deliveries/" + first.id() + "/redeliver")
        .then()
        .statusCode(404)
        .body("type", endsWith(":not-found"));
  }

  @Test
  void theTestPingReportsStatusAndLatencyButNeverTheReceiversBody() throws Exception {
    String marker = "RECEIVER-PRIVATE-" + UUID.randomUUID();
    receiver.answer(
        (m, attempt) ->
            Reply.status(200).header("X-Marker", marker).body("{\"leak\":\"" + marker + "\"}"));
    JsonPath created = hooks.subscribe(receiver.url(), List.of("lead.rejected"));
    String id = created.getString("webhook.id");

    String answer =
        as(As.MARKETING)
            .post(WEBHOOKS + "/" + id + "/test")
            .then()
            .statusCode(200)
            .body("statusCode", equalTo(200))
            .body("success", equalTo(true))
            .body("latencyMs", greaterThanOrEqualTo(0))
            .extract()
            .asString();
    assertFalse(answer.contains(marker), "the receiver's answer leaked: " + answer);

    Message ping = receiver.await(m -> "webhook.test".equals(m.type()), 1, 5).get(0);
    StandardWebhooks.verify(created.getString("secret"), ping);
    assertEquals(id, ping.json().getString("data.webhookId"));

    // A failing receiver: still only the status, and its body nowhere.
    receiver.answer((m, attempt) -> Reply.status(500).body("{\"error\":\"" + marker + "\"}"));
    String failed =
        as(As.MARKETING)
            .post(WEBHOOKS + "/" + id + "/test")
            .then()
            .statusCode(200)
            .body("statusCode", equalTo(500))
            .body("success", equalTo(false))
            .body("latencyMs", notNullValue())
            .extract()
            .asString();
    assertFalse(failed.contains(marker), "the receiver's answer leaked: " + failed);

    // Nor do the pings show up as deliveries, or in the attempt log.
    String deliveries =
        as(As.MARKETING).get(WEBHOOKS + "/" + id + "/deliveries").then().extract().asString();
    assertFalse(deliveries.contains(marker), deliveries);
  }

  @Test
  void theTestPingToANonListeningPortReportsNoStatus() throws Exception {
    String url = receiver.url();
    receiver.close();
    String id = hooks.subscribe(url, null).getString("webhook.id");
    as(As.MARKETING)
        .post(WEBHOOKS + "/" + id + "/test")
        .then()
        .statusCode(200)
        .body("success", equalTo(false))
        .body("statusCode", org.hamcrest.Matchers.nullValue())
        .body("error", notNullValue());
  }
}
