package dev.baton.idempotency;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What is the same request under one Idempotency-Key: members in another order, the key quoted or
 * not, no body or an empty one. A replayed key creation never shows the secret again, and an
 * invalid body is refused whatever its key holds.
 */
@QuarkusTest
class SameRequestTest {

  private static final String LEADS = "/api/v1/leads";

  @Test
  void theOrderOfMembersDoesNotMakeANewRequest() {
    String key = UUID.randomUUID().toString();
    String email = Leads.uniqueEmail();
    String source = Leads.uniqueSource();
    String one =
        "{\"contact\":{\"email\":\""
            + email
            + "\"},\"attribution\":{\"source\":\""
            + source
            + "\"},"
            + "\"attributes\":{\"a\":1,\"b\":2}}";
    String other =
        "{\"attributes\":{\"b\":2,\"a\":1},\"attribution\":{\"source\":\""
            + source
            + "\"},"
            + "\"contact\":{\"email\":\""
            + email
            + "\"}}";
    as(As.MARKETING).header("Idempotency-Key", key).body(one).post(LEADS).then().statusCode(201);
    as(As.MARKETING)
        .header("Idempotency-Key", key)
        .body(other)
        .post(LEADS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
  }

  @Test
  void theQuotedAndUnquotedFormsAreOneKey() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> lead = Leads.body(Leads.uniqueSource(), null);
    handOff(As.MARKETING, key, lead).then().statusCode(201);
    handOff(As.MARKETING, "\"" + key + "\"", lead)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
  }

  @Test
  void aReplayedKeyCreationDoesNotShowTheSecretAgain() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> request = Map.of("name", "idem-" + key, "role", "ANALYST");
    Response first =
        as(As.ADMIN).header("Idempotency-Key", key).body(request).post("/api/v1/api-keys");
    first.then().statusCode(201);
    Response retry =
        as(As.ADMIN).header("Idempotency-Key", key).body(request).post("/api/v1/api-keys");
    retry.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertTrue(first.jsonPath().getString("key").startsWith("bk_"));
    assertNull(retry.jsonPath().get("key"));
    assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
  }

  @Test
  void aMoveWithoutABodyIsTheSameRequestAsOneWithAnEmptyBody() {
    String lead = Leads.leadIn("GENERATED");
    String key = UUID.randomUUID().toString();
    as(As.MARKETING)
        .header("Idempotency-Key", key)
        .post(LEADS + "/" + lead + "/qualify")
        .then()
        .statusCode(200);
    as(As.MARKETING)
        .header("Idempotency-Key", key)
        .body("{}")
        .post(LEADS + "/" + lead + "/qualify")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true");
  }

  @Test
  void aPostWithoutABodyReplays() {
    String code = Leads.newReason("MARKETING", false);
    String key = UUID.randomUUID().toString();
    String path = "/api/v1/rejection-reasons/" + code + "/deactivate";
    as(As.ADMIN).header("Idempotency-Key", key).post(path).then().statusCode(200);
    as(As.ADMIN)
        .header("Idempotency-Key", key)
        .post(path)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("active", equalTo(false));
  }

  @Test
  void anInvalidBodyIsRefusedWhateverItsKeyHolds() {
    String lead = Leads.leadIn("QUALIFIED");
    String key = UUID.randomUUID().toString();
    String accept = LEADS + "/" + lead + "/accept";
    as(As.SALES)
        .header("Idempotency-Key", key)
        .body(Map.of("owner", "jane@acme.example"))
        .post(accept)
        .then()
        .statusCode(200);
    as(As.SALES)
        .header("Idempotency-Key", key)
        .body(Map.of("owner", " "))
        .post(accept)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", hasItem("owner"));
  }

  private static Response handOff(As role, String key, Map<String, Object> lead) {
    return as(role).header("Idempotency-Key", key).body(lead).post(LEADS);
  }
}
