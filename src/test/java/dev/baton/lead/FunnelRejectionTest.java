package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rejecting a lead: the reason and note it needs, and who is held accountable. */
@QuarkusTest
class FunnelRejectionTest {

  @Test
  void rejectWithoutReasonIsRefused() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("note", "no"))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("reason")));
    Leads.get(id).then().body("status", equalTo("QUALIFIED"));
  }

  @Test
  void rejectWithAnUnknownReasonIsRefused() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_A_REASON"))
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("reason")))
        .body("errors[0].message", containsString("NOT_A_REASON"));
    Leads.get(id).then().body("status", equalTo("QUALIFIED")).body("version", equalTo(1));
  }

  @Test
  void rejectWithADeactivatedReasonIsRefusedUntilItIsActiveAgain() {
    String reason = Leads.newReason("SALES", false);
    as(As.ADMIN)
        .post("/api/v1/rejection-reasons/" + reason + "/deactivate")
        .then()
        .statusCode(200)
        .body("active", equalTo(false));

    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", reason))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("reason")));
    Leads.get(id).then().body("status", equalTo("QUALIFIED"));

    as(As.ADMIN)
        .post("/api/v1/rejection-reasons/" + reason + "/activate")
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", reason))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejection.reason", equalTo(reason))
        .body("rejection.accountable", equalTo("SALES"));
  }

  @Test
  void rejectForOtherRequiresANote() {
    String id = Leads.leadIn("ACCEPTED");
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of("reason", "OTHER"), Map.of("reason", "OTHER", "note", "   "))) {
      Leads.move(as(As.SALES), id, "reject", body)
          .then()
          .statusCode(400)
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("note")));
    }
    Leads.get(id).then().body("status", equalTo("ACCEPTED")).body("version", equalTo(2));

    Leads.move(
            as(As.SALES), id, "reject", Map.of("reason", "OTHER", "note", "Acquired by a client"))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejection.reason", equalTo("OTHER"))
        .body("rejection.accountable", equalTo("NONE"))
        .body("rejection.note", equalTo("Acquired by a client"));
  }

  @Test
  void aReasonOfTheCatalogThatRequiresANoteIsEnforcedToo() {
    String reason = Leads.newReason("MARKETING", true);
    String id = Leads.leadIn("GENERATED");
    Leads.move(as(As.MARKETING), id, "reject", Map.of("reason", reason))
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("note")));
    Leads.move(as(As.MARKETING), id, "reject", Map.of("reason", reason, "note", "why"))
        .then()
        .statusCode(200)
        .body("rejection.reason", equalTo(reason))
        .body("rejection.accountable", equalTo("MARKETING"));
  }

  @Test
  void theRejectionShowsTheReasonAndWhoIsAccountable() {
    Map<String, String> expected =
        Map.of("NOT_ICP", "MARKETING", "UNRESPONSIVE", "SALES", "NO_BUDGET", "NONE");
    expected.forEach(
        (reason, accountable) -> {
          String id = Leads.leadIn("QUALIFIED");
          Leads.move(as(As.SALES), id, "reject", Map.of("reason", reason))
              .then()
              .statusCode(200)
              .body("status", equalTo("REJECTED"))
              .body("rejection.reason", equalTo(reason))
              .body("rejection.accountable", equalTo(accountable))
              .body("rejection", not(hasKey("note")))
              .body("statusTimes.rejectedAt", notNullValue());
          Leads.get(id)
              .then()
              .body("rejection.reason", equalTo(reason))
              .body("rejection.accountable", equalTo(accountable));
        });
  }
}
