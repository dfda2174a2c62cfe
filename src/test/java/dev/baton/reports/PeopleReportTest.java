package dev.baton.reports;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.lead.SlaBreachJob;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Teams;
import dev.baton.testing.TestClock;
import dev.baton.testing.Timeline;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Sales never follows up" becomes "these two reps, this week": the SLA per person and queue. */
@QuarkusTest
class PeopleReportTest {

  private static final Instant T0 = Instant.parse("2026-11-10T10:00:00Z");

  @Inject TestClock clock;
  @Inject SlaBreachJob job;

  private Timeline timeline;

  @BeforeEach
  void holdTheClock() {
    timeline = new Timeline(clock, T0);
  }

  @AfterEach
  void routingOff() {
    timeline.close();
    Teams.noRouting();
  }

  @Test
  void eachMembersAnswersBreachesAndShareAreTheirOwn() {
    String x = Teams.member("x", Map.of("maxOpen", 4));
    String y = Teams.member("y");
    String queue = Teams.queue("duo", Map.of(x, 1, y, 1));
    Teams.routing(List.of(), queue);

    String first = at(T0, () -> Leads.leadIn("QUALIFIED"));
    String second = at(T0, () -> Leads.leadIn("QUALIFIED"));
    String third = at(T0, () -> Leads.leadIn("QUALIFIED"));
    String a = assignee(first);
    String b = assignee(second);
    assertEquals(a, assignee(third), "equal weights alternate");
    at(T0.plus(Duration.ofHours(1)), () -> Leads.move(as(As.SALES), first, "accept", Map.of()));
    at(
        T0.plus(Duration.ofHours(3)),
        () -> Leads.move(as(As.SALES), second, "reject", Map.of("reason", "NO_BUDGET")));
    at(T0.plus(Duration.ofHours(30)), job::breachDue);
    Leads.awaitSlaState(third, "BREACHED");

    JsonPath report =
        as(As.ANALYST)
            .queryParam("from", "2026-11-10")
            .queryParam("to", "2026-11-12")
            .queryParam("queue", queue)
            .get("/api/v1/sla/people")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String m = "members.find { it.memberId == '%s' }.";
    String ma = m.formatted(a);
    assertEquals(2, report.getInt(ma + "assigned"));
    assertEquals(2, report.getInt(ma + "due"));
    assertEquals(1, report.getInt(ma + "answeredWithinSla"));
    assertEquals(0.5f, report.getFloat(ma + "shareWithinSla"));
    assertEquals(1.0f, report.getFloat(ma + "medianHoursToAnswer"));
    assertEquals(1, report.getInt(ma + "breaches"));
    assertEquals(1, report.getInt(ma + "waitingNow"));
    assertEquals(1, report.getInt(ma + "overdueNow"));
    String mb = m.formatted(b);
    assertEquals(1, report.getInt(mb + "assigned"));
    assertEquals(1, report.getInt(mb + "answeredWithinSla"));
    assertEquals(3.0f, report.getFloat(mb + "medianHoursToAnswer"));
    assertEquals(0, report.getInt(mb + "breaches"));
    assertEquals(0, report.getInt(mb + "waitingNow"));
    if (a.equals(x)) {
      assertEquals(0.25f, report.getFloat(ma + "load"), "1 waiting of maxOpen 4");
    } else {
      assertNull(report.get(ma + "load"));
    }

    assertEquals(queue, report.getString("queues[0].queueId"));
    assertEquals(3, report.getInt("queues[0].assigned"));
    String qa = "queues[0].members.find { it.memberId == '%s' }.".formatted(a);
    assertEquals(2, report.getInt(qa + "assigned"));
    assertEquals(0.6667f, report.getFloat(qa + "share"));
    assertEquals(0.5f, report.getFloat(qa + "weightShare"));

    // The funnel groups the same cycles by who had them.
    JsonPath funnel =
        as(As.ANALYST)
            .queryParam("from", "2026-11-10")
            .queryParam("to", "2026-11-12")
            .queryParam("groupBy", "assignee")
            .get("/api/v1/funnel")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String ga = "groups.find { it.key == '%s' }.".formatted(a);
    assertEquals(2, funnel.getInt(ga + "handedOff"));
    assertEquals(1, funnel.getInt(ga + "reached.accepted"));
    String gb = "groups.find { it.key == '%s' }.".formatted(b);
    assertEquals(1, funnel.getInt(gb + "handedOff"));
    assertEquals(1, funnel.getInt(gb + "rejections.byReason.NO_BUDGET"));
  }

  /**
   * What {@code action} answers at {@code when}; the clock stays held there until the next call (or
   * the test's end), so that the breach job, running meanwhile, sees the planned time.
   */
  private <T> T at(Instant when, Supplier<T> action) {
    return timeline.at(Duration.between(T0, when).toSeconds() / 3600.0, action);
  }

  private static String assignee(String lead) {
    return Leads.get(lead).jsonPath().getString("assignee.memberId");
  }
}
