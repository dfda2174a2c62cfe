package dev.baton.lead;

import static dev.baton.lead.DisputeScenes.PROBLEM;
import static dev.baton.lead.DisputeScenes.case_;
import static dev.baton.lead.DisputeScenes.count;
import static dev.baton.lead.DisputeScenes.dispute;
import static dev.baton.lead.DisputeScenes.feed;
import static dev.baton.lead.DisputeScenes.lead;
import static dev.baton.lead.DisputeScenes.rejectedBySales;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening a dispute: who may, on which rejections, with what, and only once at a time. */
@QuarkusTest
class DisputeOpeningTest {

  @Test
  void marketingDisputesASalesRejectionAndTheLeadShowsIt() {
    String id = rejectedBySales();
    long version = Leads.version(id);
    Instant before = Instant.now().minusSeconds(1);

    JsonPath answer =
        dispute(as(As.MARKETING), id, case_())
            .then()
            .statusCode(200)
            .header("ETag", "\"" + (version + 1) + "\"")
            .body("status", equalTo("REJECTED"))
            .body("version", equalTo((int) version + 1))
            .body("rejection.reason", equalTo("NOT_ICP"))
            .body("dispute.state", equalTo("OPEN"))
            .body("dispute.reason", equalTo("NOT_ICP"))
            .body("dispute.note", equalTo("800 employees, fintech: squarely our ICP"))
            .body("dispute.openedBy", equalTo("test-marketing"))
            .body("dispute.resolvedAt", nullValue())
            .body("dispute.resolvedBy", nullValue())
            .body("dispute.resolutionNote", nullValue())
            .extract()
            .jsonPath();
    assertTrue(Instant.parse(answer.getString("dispute.openedAt")).isAfter(before));

    // What was answered is what is stored.
    assertEquals(answer.getMap("dispute"), lead(id).getMap("dispute"));

    JsonPath history = Leads.history(id).then().statusCode(200).extract().jsonPath();
    List<String> types = history.getList("data.type");
    assertEquals("lead.disputed", types.get(types.size() - 1));
    assertEquals(1, count(types, "lead.disputed"));
    String last = "data[" + (types.size() - 1) + "]";
    assertEquals("MARKETING", history.getString(last + ".actor.role"));
    assertEquals("test-marketing", history.getString(last + ".actor.name"));
    assertEquals("NOT_ICP", history.getString(last + ".data.reason"));
    assertEquals(
        "800 employees, fintech: squarely our ICP", history.getString(last + ".data.note"));
    assertEquals(version + 1, history.getLong(last + ".leadVersion"));

    assertTrue(
        feed("lead.disputed").contains(id), "the change feed filtered by lead.disputed has it");
  }

  @Test
  void aRejectionAfterAcceptanceCanBeDisputedToo() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "UNRESPONSIVE")).then().statusCode(200);
    dispute(as(As.MARKETING), id, case_())
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("OPEN"))
        .body("dispute.reason", equalTo("UNRESPONSIVE"));
  }

  @Test
  void adminsMayDisputeButSalesAndAnalystsMayNot() {
    String id = rejectedBySales();
    for (As role : List.of(As.SALES, As.ANALYST)) {
      dispute(as(role), id, case_())
          .then()
          .statusCode(403)
          .body("type", equalTo(PROBLEM + "forbidden"))
          .body("status", equalTo(403));
    }
    assertNull(lead(id).get("dispute"), "a refused dispute leaves no trace");
    dispute(as(As.ADMIN), id, case_())
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("OPEN"))
        .body("dispute.openedBy", equalTo("bootstrap-admin"));
  }

  @Test
  void onlyARejectedLeadCanBeDisputed() {
    for (String status : List.of("GENERATED", "QUALIFIED", "ACCEPTED", "CONVERTED")) {
      String id = Leads.leadIn(status);
      long version = Leads.version(id);
      dispute(as(As.MARKETING), id, case_())
          .then()
          .statusCode(409)
          .body("type", equalTo(PROBLEM + "not-rejected"))
          .body("status", equalTo(409));
      assertEquals(version, Leads.version(id), status + " is left as it was");
    }
  }

  @Test
  void aLeadRejectedBeforeSalesHadItCannotBeDisputed() {
    String id = Leads.leadIn("REJECTED"); // rejected from GENERATED
    dispute(as(As.MARKETING), id, case_())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "not-rejected-by-sales"))
        .body("status", equalTo(409));
  }

  @Test
  void aQualificationInAnEarlierCycleDoesNotMakeALaterRejectionDisputable() {
    String id = rejectedBySales();
    Leads.move(as(As.MARKETING), id, "recycle", Map.of()).then().statusCode(200);
    Leads.move(as(As.MARKETING), id, "reject", Map.of("reason", "SPAM"))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"));
    dispute(as(As.MARKETING), id, case_())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "not-rejected-by-sales"));
  }

  @Test
  void aDisputeNeedsANote() {
    String id = rejectedBySales();
    for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("note", "  "))) {
      dispute(as(As.MARKETING), id, body)
          .then()
          .statusCode(400)
          .body("type", equalTo(PROBLEM + "validation-error"))
          .body("status", equalTo(400))
          .body("errors.field", hasItem("note"));
    }
    dispute(as(As.MARKETING), id, Map.of("note", "x", "verdict", "mine"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("verdict"));
    assertNull(lead(id).get("dispute"));
  }

  @Test
  void aRejectionIsDisputedOnceAtATime() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    long version = Leads.version(id);
    dispute(as(As.ADMIN), id, Map.of("note", "and again"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "dispute-open"))
        .body("status", equalTo(409));
    assertEquals(version, Leads.version(id));
    assertEquals(1, count(Leads.historyTypes(id), "lead.disputed"));
    assertEquals("800 employees, fintech: squarely our ICP", lead(id).getString("dispute.note"));
  }
}
