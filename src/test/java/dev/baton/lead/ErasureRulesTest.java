package dev.baton.lead;

import static dev.baton.lead.ErasureScenes.erase;
import static dev.baton.lead.ErasureScenes.move;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may erase a lead's personal data, and what an erased lead still goes through. */
@QuarkusTest
class ErasureRulesTest {

  @Test
  void anErasedQualifiedLeadStaysInTheFunnelForSalesToClose() {
    String id = Leads.leadIn("QUALIFIED");
    erase(As.ADMIN, id).then().statusCode(200);
    Leads.get(id).then().body("status", equalTo("QUALIFIED")).body("sla.state", equalTo("PENDING"));
    // A note sent with a move of an erased lead is not kept: not on the lead, not in its events.
    move(As.SALES, id, "reject", Map.of("reason", "NOT_ICP", "note", "Spoke to Ada Lovelace"));
    Leads.get(id)
        .then()
        .body("status", equalTo("REJECTED"))
        .body("rejection.reason", equalTo("NOT_ICP"))
        .body("rejection.note", nullValue())
        .body("erasedAt", notNullValue())
        .body("contact", nullValue());
    List<Map<String, Object>> history =
        Leads.history(id).then().statusCode(200).extract().jsonPath().getList("data");
    Map<?, ?> rejected = (Map<?, ?>) history.get(history.size() - 1).get("data");
    assertEquals("NOT_ICP", rejected.get("reason"));
    assertFalse(rejected.containsKey("note"), rejected.toString());
    Leads.move(as(As.MARKETING), id, "recycle", Map.of())
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:lead-erased"));
  }

  @Test
  void onlyAnAdminErases() {
    String id = Leads.leadIn("GENERATED");
    for (As who : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      erase(who, id).then().statusCode(403).contentType("application/problem+json");
    }
    Leads.get(id).then().body("contact.email", notNullValue()).body("erasedAt", nullValue());
    erase(As.ADMIN, UUID.randomUUID().toString())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    erase(As.ADMIN, "not-a-uuid").then().statusCode(404).contentType("application/problem+json");
  }
}
