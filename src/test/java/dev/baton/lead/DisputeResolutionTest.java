package dev.baton.lead;

import static dev.baton.lead.DisputeScenes.PROBLEM;
import static dev.baton.lead.DisputeScenes.case_;
import static dev.baton.lead.DisputeScenes.dispute;
import static dev.baton.lead.DisputeScenes.feed;
import static dev.baton.lead.DisputeScenes.lead;
import static dev.baton.lead.DisputeScenes.rejectedBySales;
import static dev.baton.lead.DisputeScenes.resolve;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving a dispute: who may, with which outcome, and what upholding or overturning does. */
@QuarkusTest
class DisputeResolutionTest {

  @Test
  void resolvingWithoutAnOpenDisputeIsAConflict() {
    String id = rejectedBySales();
    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "no-open-dispute"))
        .body("status", equalTo(409));

    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD")).then().statusCode(200);
    resolve(as(As.SALES), id, Map.of("outcome", "OVERTURNED"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "no-open-dispute"));
    assertEquals("REJECTED", lead(id).getString("status"));
  }

  @Test
  void onlySalesAndAdminsResolveADispute() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    for (As role : List.of(As.MARKETING, As.ANALYST)) {
      resolve(as(role), id, Map.of("outcome", "OVERTURNED"))
          .then()
          .statusCode(403)
          .body("type", equalTo(PROBLEM + "forbidden"));
    }
    assertEquals("OPEN", lead(id).getString("dispute.state"));
    resolve(as(As.ADMIN), id, Map.of("outcome", "UPHELD"))
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("UPHELD"))
        .body("dispute.resolvedBy", equalTo("bootstrap-admin"));
  }

  @Test
  void aResolutionNeedsAKnownOutcome() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    resolve(as(As.SALES), id, Map.of("note", "no"))
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEM + "validation-error"))
        .body("errors.field", hasItem("outcome"));
    resolve(as(As.SALES), id, Map.of("outcome", "MAYBE"))
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEM + "validation-error"))
        .body("errors.field", hasItem("outcome"));
    assertEquals("OPEN", lead(id).getString("dispute.state"));
  }

  @Test
  void anUpheldDisputeKeepsTheRejection() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    JsonPath before = lead(id);
    Instant asked = Instant.parse(before.getString("dispute.openedAt"));

    JsonPath answer =
        resolve(as(As.SALES), id, Map.of("outcome", "UPHELD", "note", "Under 50 seats, sorry"))
            .then()
            .statusCode(200)
            .header("ETag", "\"" + (before.getLong("version") + 1) + "\"")
            .body("status", equalTo("REJECTED"))
            .body("rejection.reason", equalTo("NOT_ICP"))
            .body("rejection.note", equalTo("Too small"))
            .body("dispute.state", equalTo("UPHELD"))
            .body("dispute.note", equalTo("800 employees, fintech: squarely our ICP"))
            .body("dispute.openedBy", equalTo("test-marketing"))
            .body("dispute.resolvedBy", equalTo("test-sales"))
            .body("dispute.resolutionNote", equalTo("Under 50 seats, sorry"))
            .extract()
            .jsonPath();
    assertTrue(!Instant.parse(answer.getString("dispute.resolvedAt")).isBefore(asked));
    assertEquals(
        before.getString("statusTimes.rejectedAt"), answer.getString("statusTimes.rejectedAt"));
    assertEquals(before.getMap("sla"), answer.getMap("sla"), "the stopped clock is left alone");
    assertEquals(answer.getMap("dispute"), lead(id).getMap("dispute"));

    JsonPath history = Leads.history(id).jsonPath();
    int last = history.getList("data").size() - 1;
    assertEquals("lead.dispute_resolved", history.getString("data[" + last + "].type"));
    assertEquals("UPHELD", history.getString("data[" + last + "].data.outcome"));
    assertEquals("Under 50 seats, sorry", history.getString("data[" + last + "].data.note"));
    assertEquals("REJECTED", history.getString("data[" + last + "].fromStatus"));
    assertEquals("REJECTED", history.getString("data[" + last + "].toStatus"));
    assertEquals("SALES", history.getString("data[" + last + "].actor.role"));
    assertTrue(feed("lead.dispute_resolved").contains(id));
  }

  @Test
  void anOverturnedRejectionIsQualifiedAgainWithAFreshClock() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    JsonPath before = lead(id);
    assertEquals("MET", before.getString("sla.state"));
    Instant firstStart = Instant.parse(before.getString("sla.startedAt"));

    JsonPath after =
        resolve(as(As.SALES), id, Map.of("outcome", "OVERTURNED", "note", "Fair enough"))
            .then()
            .statusCode(200)
            .header("ETag", "\"" + (before.getLong("version") + 1) + "\"")
            .body("status", equalTo("QUALIFIED"))
            .body("rejection", nullValue())
            .body("owner", nullValue())
            .body("statusTimes.acceptedAt", nullValue())
            .body("statusTimes.qualifiedAt", notNullValue())
            .body("dispute.state", equalTo("OVERTURNED"))
            .body("dispute.resolvedBy", equalTo("test-sales"))
            .body("dispute.resolutionNote", equalTo("Fair enough"))
            .body("sla.state", equalTo("PENDING"))
            .body("sla.decidedAt", nullValue())
            .extract()
            .jsonPath();
    Instant started = Instant.parse(after.getString("sla.startedAt"));
    assertTrue(started.isAfter(firstStart), "the clock restarts");
    assertEquals(Instant.parse(after.getString("dispute.resolvedAt")), started);
    assertEquals(Instant.parse(after.getString("statusTimes.qualifiedAt")), started);
    assertEquals(
        started.plus(Duration.ofHours(24)), Instant.parse(after.getString("sla.deadline")));
    assertEquals(after.getMap("$"), lead(id).getMap("$"), "what was answered is what is stored");

    JsonPath history = Leads.history(id).jsonPath();
    int last = history.getList("data").size() - 1;
    assertEquals("lead.dispute_resolved", history.getString("data[" + last + "].type"));
    assertEquals("OVERTURNED", history.getString("data[" + last + "].data.outcome"));
    assertEquals("REJECTED", history.getString("data[" + last + "].fromStatus"));
    assertEquals("QUALIFIED", history.getString("data[" + last + "].toStatus"));

    // Sales answers the lead again, in time this time.
    Leads.move(as(As.SALES), id, "accept", Map.of("owner", "joe@acme.com"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("owner", equalTo("joe@acme.com"))
        .body("sla.state", equalTo("MET"))
        .body("sla.startedAt", equalTo(after.getString("sla.startedAt")))
        .body("sla.decidedAt", notNullValue());
  }

  @Test
  void overturningWhileThePersonHasAnotherOpenLeadIsADuplicate() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    @SuppressWarnings("unchecked")
    String email = ((Map<String, String>) body.get("contact")).get("email");
    String id = Leads.handOff(body);
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    // Meanwhile the person comes back through another form.
    String comeback =
        Leads.handOff(
            Map.of("contact", Map.of("email", email), "attribution", Map.of("source", "webinar")));
    long version = Leads.version(id);

    resolve(as(As.SALES), id, Map.of("outcome", "OVERTURNED"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "duplicate-lead"))
        .body("status", equalTo(409))
        .body("existingLeadId", equalTo(comeback));
    JsonPath lead = lead(id);
    assertEquals("REJECTED", lead.getString("status"));
    assertEquals("OPEN", lead.getString("dispute.state"));
    assertEquals(version, lead.getLong("version"));

    // Upholding is still possible.
    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD"))
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("UPHELD"));
  }

  @Test
  void aLeadWithAnOpenDisputeIsNotRecycled() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    Leads.move(as(As.MARKETING), id, "recycle", Map.of())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "dispute-open"))
        .body("status", equalTo(409));
    assertEquals("REJECTED", lead(id).getString("status"));

    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD")).then().statusCode(200);
    Leads.move(as(As.MARKETING), id, "recycle", Map.of())
        .then()
        .statusCode(200)
        .body("status", equalTo("GENERATED"))
        .body("dispute", nullValue())
        .body("sla", nullValue());
  }
}
