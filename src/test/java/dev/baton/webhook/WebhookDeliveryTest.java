package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class WebhookDeliveryTest {

  private static final String SUCCEEDED = "baton_webhook_deliveries_total{outcome=\"succeeded\"}";

  @RegisterExtension final Receiver receiver = new Receiver();

  @Test
  void aSubscribedEventArrivesSignedWithTheSecretShownAtCreation() throws Exception {
    double succeeded = Scrape.value(SUCCEEDED);
    String url = receiver.url();
    JsonPath created =
        as(As.MARKETING)
            .body(Map.of("url", url, "eventTypes", List.of("lead.qualified")))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .body("secret", startsWith("whsec_"))
            .body("webhook.url", equalTo(url))
            .extract()
            .jsonPath();
    String secret = created.getString("secret");

    String lead = Leads.leadIn("GENERATED");
    Leads.move(as(As.MARKETING), lead, "qualify", Map.of("score", 70)).then().statusCode(200);

    Message message = receiver.await(m -> true, 1, 15).get(0);
    JsonPath body = message.json();
    assertEquals("lead.qualified", body.getString("type"));
    assertEquals(lead, body.getString("data.leadId"));
    assertEquals("QUALIFIED", body.getString("data.toStatus"));
    assertEquals(70, body.getInt("data.score"));
    assertTrue(message.id().startsWith("msg_"));
    String expected =
        "v1,"
            + Signatures.sign(
                secret, message.id(), Long.parseLong(message.timestamp()), message.body());
    assertEquals(expected, message.signature());
    // lead.created was not asked for: nothing more arrives.
    assertEquals(List.of(message), receiver.waitFor(m -> true, 2, 2));

    as(As.MARKETING)
        .get("/api/v1/webhooks/" + created.getString("webhook.id") + "/deliveries")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].id", equalTo(message.id()))
        .body("data[0].status", equalTo("SUCCEEDED"))
        .body("data[0].attemptLog[0].statusCode", equalTo(204));
    // Operations count deliveries by outcome.
    assertTrue(Scrape.value(SUCCEEDED) >= succeeded + 1, "deliveries counted in /q/metrics");
  }
}
