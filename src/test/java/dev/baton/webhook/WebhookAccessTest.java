package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static dev.baton.webhook.Subscriptions.allPages;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may use a subscription: its own key and an admin; another key finds nothing, analysts are
 * forbidden webhooks, sales may subscribe. A caller accepting only problems still gets the JSON.
 */
@QuarkusTest
class WebhookAccessTest {

  private final Hooks hooks = new Hooks();
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
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
}
