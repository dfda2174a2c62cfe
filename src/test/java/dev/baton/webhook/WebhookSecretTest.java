package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static dev.baton.webhook.Subscriptions.allPages;
import static org.hamcrest.Matchers.equalTo;
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
import dev.baton.testing.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A subscription's signing secret: at least 24 random bytes, its own, shown once at creation and
 * never again. After a rotation, messages carry a signature for the old secret and one for the new.
 */
@QuarkusTest
class WebhookSecretTest {

  private final Hooks hooks = new Hooks();
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

    List<String> signatures = StandardWebhooks.signatures(message);
    assertEquals(2, signatures.size(), "expected two space-separated signatures: " + message);
    assertTrue(message.signature().matches("v1,\\S+ v1,\\S+"), "header: " + message.signature());
    StandardWebhooks.verify(oldSecret, message);
    StandardWebhooks.verify(newSecret, message);
    // One signature per secret.
    assertTrue(signatures.contains(StandardWebhooks.expected(oldSecret, message)));
    assertTrue(signatures.contains(StandardWebhooks.expected(newSecret, message)));
    assertNotEquals(signatures.get(0), signatures.get(1));

    // The test ping is signed the same way.
    as(As.MARKETING).post(WEBHOOKS + "/" + id + "/test").then().statusCode(200);
    Receiver.Message ping = receiver.await(m -> "webhook.test".equals(m.type()), 1, 10).get(0);
    assertEquals(2, StandardWebhooks.signatures(ping).size());
    StandardWebhooks.verify(oldSecret, ping);
    StandardWebhooks.verify(newSecret, ping);
  }
}
