package dev.baton.sla;

import static dev.baton.sla.SlaScenes.POLICY;
import static dev.baton.sla.SlaScenes.restoreDefaultPolicy;
import static dev.baton.sla.SlaScenes.uniqueSegment;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
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

/** A lead's SLA clock: when it starts, its deadline, by segment too, and when it stops. */
@QuarkusTest
class SlaClockTest {

  private static final Duration DEFAULT = Duration.ofHours(24);

  @Test
  void aQualifiedHandoffStartsTheClock() {
    JsonPath lead =
        as(As.MARKETING)
            .body(Leads.body(Leads.uniqueSource(), "QUALIFIED"))
            .post(LEADS)
            .then()
            .statusCode(201)
            .body("sla.state", equalTo("PENDING"))
            .body("sla.decidedAt", nullValue())
            .extract()
            .jsonPath();
    Instant started = Instant.parse(lead.getString("sla.startedAt"));
    assertEquals(Instant.parse(lead.getString("statusTimes.qualifiedAt")), started);
    assertEquals(started.plus(DEFAULT), Instant.parse(lead.getString("sla.deadline")));
    assertEquals(lead.getMap("sla"), Leads.get(lead.getString("id")).jsonPath().getMap("sla"));
  }

  @Test
  void aGeneratedLeadHasNoClockUntilItIsQualified() {
    String id = Leads.leadIn("GENERATED");
    Leads.get(id).then().body("sla", nullValue());
    JsonPath lead =
        Leads.move(as(As.MARKETING), id, "qualify", Map.of("score", 80))
            .then()
            .statusCode(200)
            .body("sla.state", equalTo("PENDING"))
            .extract()
            .jsonPath();
    Instant started = Instant.parse(lead.getString("sla.startedAt"));
    assertEquals(Instant.parse(lead.getString("statusTimes.qualifiedAt")), started);
    assertEquals(started.plus(DEFAULT), Instant.parse(lead.getString("sla.deadline")));
  }

  @Test
  void anAnswerInTimeMeetsTheSla() {
    String accepted = Leads.leadIn("QUALIFIED");
    JsonPath lead =
        Leads.move(as(As.SALES), accepted, "accept", Map.of("owner", "jane@acme.com"))
            .then()
            .statusCode(200)
            .body("sla.state", equalTo("MET"))
            .extract()
            .jsonPath();
    assertEquals(lead.getString("statusTimes.acceptedAt"), lead.getString("sla.decidedAt"));

    String rejected = Leads.leadIn("QUALIFIED");
    lead =
        Leads.move(as(As.SALES), rejected, "reject", Map.of("reason", "NO_BUDGET"))
            .then()
            .statusCode(200)
            .body("sla.state", equalTo("MET"))
            .extract()
            .jsonPath();
    assertEquals(lead.getString("statusTimes.rejectedAt"), lead.getString("sla.decidedAt"));
    assertTrue(!Leads.historyTypes(accepted).contains("lead.sla_breached"));
    assertTrue(!Leads.historyTypes(rejected).contains("lead.sla_breached"));
  }

  @Test
  void rejectingAnAcceptedLeadLeavesItsStoppedClockAlone() {
    String id = Leads.leadIn("ACCEPTED");
    Map<String, Object> clock = Leads.get(id).jsonPath().getMap("sla");
    assertEquals("MET", clock.get("state"));
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "CHOSE_COMPETITOR"))
        .then()
        .statusCode(200)
        .body("sla", equalTo(clock));
  }

  @Test
  void aSegmentsAcceptanceTimeAppliesToItsLeadsQualifiedFromThenOn() {
    String segment = uniqueSegment();
    String other = uniqueSegment();
    String before = handOffQualified(segment);
    String generated = handOff(segment, "GENERATED");
    String disputed = handOff(segment, "QUALIFIED");
    Leads.move(as(As.SALES), disputed, "reject", Map.of("reason", "NOT_ICP"))
        .then()
        .statusCode(200);
    as(As.MARKETING)
        .body(Map.of("note", "It is ours"))
        .post(LEADS + "/" + disputed + "/dispute")
        .then()
        .statusCode(200);
    try {
      as(As.ADMIN)
          .body(
              Map.of(
                  "acceptanceHours",
                  24,
                  "segments",
                  List.of(
                      Map.of("segment", segment, "acceptanceHours", 2),
                      Map.of("segment", other, "qualifiedLeadsPerMonth", 10))))
          .put(POLICY)
          .then()
          .statusCode(200);

      assertClock(handOffQualified(segment), Duration.ofHours(2));
      Leads.move(as(As.MARKETING), generated, "qualify", Map.of()).then().statusCode(200);
      assertClock(generated, Duration.ofHours(2));
      as(As.SALES)
          .body(Map.of("outcome", "OVERTURNED"))
          .post(LEADS + "/" + disputed + "/dispute/resolve")
          .then()
          .statusCode(200);
      assertClock(disputed, Duration.ofHours(2));
      // An entry without acceptanceHours keeps the policy's; a lead of no entry too.
      assertClock(handOffQualified(other), DEFAULT);
      assertClock(handOffQualified(uniqueSegment()), DEFAULT);
      // A running clock keeps its deadline.
      assertClock(before, DEFAULT);
    } finally {
      restoreDefaultPolicy();
    }
    assertClock(handOffQualified(segment), DEFAULT);
  }

  private static String handOff(String segment, String status) {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), status);
    body.put("segment", segment);
    return Leads.handOff(body);
  }

  private static String handOffQualified(String segment) {
    return handOff(segment, "QUALIFIED");
  }

  private static void assertClock(String id, Duration allowed) {
    JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
    assertEquals("PENDING", lead.getString("sla.state"), id);
    Instant started = Instant.parse(lead.getString("sla.startedAt"));
    assertEquals(
        started.plus(allowed), Instant.parse(lead.getString("sla.deadline")), "deadline of " + id);
  }
}
