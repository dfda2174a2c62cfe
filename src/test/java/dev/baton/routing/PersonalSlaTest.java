package dev.baton.routing;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.lead.SlaBreachJob;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Overdue;
import dev.baton.testing.Teams;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The acceptance clock runs against the assignee: their hours, a warning, a breach, escalation. */
@QuarkusTest
class PersonalSlaTest {

  private static final String POLICY = "/api/v1/sla/policy";

  @Inject TestClock clock;
  @Inject SlaBreachJob job;

  @AfterEach
  void defaults() {
    as(As.ADMIN).body(Map.of("acceptanceHours", 24)).put(POLICY).then().statusCode(200);
    Teams.noRouting();
  }

  @Test
  void theDeadlineCountsOnlyTheAssigneesWorkingHoursInTheirTimeZone() {
    String paris =
        Teams.member(
            "paris",
            Map.of(
                "timeZone",
                "Europe/Paris",
                "workingHours",
                List.of(
                    Map.of(
                        "days",
                        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                        "from",
                        "09:00",
                        "to",
                        "17:00"))));
    Teams.routing(List.of(), Teams.queue("paris", Map.of(paris, 1)));
    policy(Map.of("acceptanceHours", 4, "workingHoursOnly", true));

    // Friday 15:00 in Paris: two hours that day, the other two on Monday from 09:00.
    JsonPath lead;
    try (TestClock.Moved friday = clock.stoppedAt(Instant.parse("2026-12-04T14:00:00Z"))) {
      lead = handOffQualified();
    }
    assertEquals("2026-12-04T14:00:00Z", lead.getString("sla.startedAt"));
    assertEquals("2026-12-07T10:00:00Z", lead.getString("sla.deadline"));
    Leads.history(lead.getString("id"))
        .then()
        .body("data[1].type", equalTo("lead.assigned"))
        .body("data[1].data.deadline", equalTo("2026-12-07T10:00:00Z"));

    // Without working hours the same lead would have had four calendar hours.
    policy(Map.of("acceptanceHours", 4));
    try (TestClock.Moved friday = clock.stoppedAt(Instant.parse("2026-12-04T14:00:00Z"))) {
      assertEquals("2026-12-04T18:00:00Z", handOffQualified().getString("sla.deadline"));
    }
  }

  @Test
  void aWarningIsSentOnceWhenTheShareOfTheTimePassed() {
    String amy = Teams.member("amy");
    Teams.routing(List.of(), Teams.queue("amy", Map.of(amy, 1)));
    policy(Map.of("acceptanceHours", 24, "warnAtShare", 0.5));
    String lead;
    try (TestClock.Moved past = clock.movedBy(Duration.ofHours(-13))) {
      lead = handOffQualified().getString("id");
    }
    String fresh = handOffQualified().getString("id");

    job.warnDue();
    job.warnDue();

    List<String> types = Leads.historyTypes(lead);
    assertEquals(List.of("lead.created", "lead.assigned", "lead.sla_warning"), types);
    Leads.history(lead)
        .then()
        .body("data[2].data.assigneeId", equalTo(amy))
        .body("data[2].actor.name", equalTo("baton"));
    assertEquals(List.of("lead.created", "lead.assigned"), Leads.historyTypes(fresh));
  }

  @Test
  void aBreachIsRecordedOnceAgainstTheAssigneeAndEscalated() {
    String ann = Teams.member("ann");
    String max = Teams.member("max");
    Teams.routing(List.of(), Teams.queue("first-line", Map.of(ann, 1)));
    String escalation = Teams.queue("escalation", Map.of(max, 1));
    policy(
        Map.of(
            "acceptanceHours", 24, "onBreach", "ESCALATION_QUEUE", "escalationQueue", escalation));
    String lead = Overdue.handedOff(clock, () -> handOffQualified().getString("id"));

    job.breachDue();
    job.breachDue();
    Leads.awaitSlaState(lead, "BREACHED");

    List<String> types = Leads.historyTypes(lead);
    assertEquals(
        List.of("lead.created", "lead.assigned", "lead.sla_breached", "lead.reassigned"), types);
    Leads.history(lead)
        .then()
        .body("data[2].data.assigneeId", equalTo(ann))
        .body("data[3].data.memberId", equalTo(max))
        .body("data[3].data.previousMemberId", equalTo(ann))
        .body("data[3].data.queue", equalTo(escalation))
        .body("data[3].actor.name", equalTo("baton"));
    Leads.get(lead)
        .then()
        .body("assignee.memberId", equalTo(max))
        .body("sla.state", equalTo("BREACHED"));
  }

  @Test
  void aBreachCanGoToTheNextMemberOfTheQueue() {
    String one = Teams.member("one");
    String two = Teams.member("two");
    Teams.routing(List.of(), Teams.queue("pair", Map.of(one, 1, two, 1)));
    policy(Map.of("acceptanceHours", 24, "onBreach", "NEXT_MEMBER"));
    String lead = Overdue.handedOff(clock, () -> handOffQualified().getString("id"));
    String first = Leads.get(lead).jsonPath().getString("assignee.memberId");

    job.breachDue();
    Leads.awaitSlaState(lead, "BREACHED");

    Leads.get(lead).then().body("assignee.memberId", equalTo(first.equals(one) ? two : one));
  }

  @Test
  void anEscalationQueueMustExistAndOnlyGoesWithItsAction() {
    as(As.ADMIN)
        .body(Map.of("acceptanceHours", 24, "onBreach", "ESCALATION_QUEUE"))
        .put(POLICY)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("escalationQueue"));
    as(As.ADMIN)
        .body(
            Map.of(
                "acceptanceHours", 24, "onBreach", "ESCALATION_QUEUE", "escalationQueue", "nope"))
        .put(POLICY)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("escalationQueue"));
    as(As.ADMIN)
        .body(Map.of("acceptanceHours", 24, "warnAtShare", 1.5))
        .put(POLICY)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("warnAtShare"));
  }

  private static void policy(Map<String, Object> fields) {
    as(As.ADMIN).body(new LinkedHashMap<>(fields)).put(POLICY).then().statusCode(200);
  }

  private static JsonPath handOffQualified() {
    return as(As.MARKETING)
        .body(Leads.body(Leads.uniqueSource(), "QUALIFIED"))
        .post(Leads.LEADS)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }
}
