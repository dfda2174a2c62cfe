package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Moves with a stale or malformed If-Match, and moves of an unknown lead. */
@QuarkusTest
class FunnelPreconditionsTest {

  @Test
  void anActionWithAStaleIfMatchIsRefusedAndWithTheCurrentOneSucceeds() {
    String id = Leads.leadIn("QUALIFIED");
    as(As.SALES)
        .header("If-Match", "\"2\"")
        .body(Map.of("owner", "a@acme.com"))
        .post(LEADS + "/" + id + "/accept")
        .then()
        .statusCode(412)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:precondition-failed"))
        .body("currentVersion", equalTo(1));
    Leads.get(id).then().body("status", equalTo("QUALIFIED")).body("version", equalTo(1));

    as(As.SALES)
        .header("If-Match", "\"1\"")
        .body(Map.of("owner", "a@acme.com"))
        .post(LEADS + "/" + id + "/accept")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("ACCEPTED"));

    as(As.SALES)
        .header("If-Match", "\"1\"")
        .body(Map.of("reason", "NO_NEED"))
        .post(LEADS + "/" + id + "/reject")
        .then()
        .statusCode(412)
        .body("currentVersion", equalTo(2));
    Leads.get(id).then().body("status", equalTo("ACCEPTED"));
  }

  @Test
  void anActionWithAMalformedIfMatchIsRefused() {
    String id = Leads.leadIn("QUALIFIED");
    as(As.SALES)
        .header("If-Match", "version-one")
        .body(Map.of("owner", "a@acme.com"))
        .post(LEADS + "/" + id + "/accept")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("If-Match")));
    Leads.get(id).then().body("status", equalTo("QUALIFIED"));
  }

  @Test
  void movingAnUnknownLeadIsA404Problem() {
    String unknown = UUID.randomUUID().toString();
    Leads.move(as(As.SALES), unknown, "accept", Map.of("owner", "a@acme.com"))
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:not-found"));
    Leads.history(unknown)
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:baton:problem:not-found"));
  }
}
