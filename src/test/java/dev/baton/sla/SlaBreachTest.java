package dev.baton.sla;

import static dev.baton.sla.SlaScenes.listed;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.SlaBreachJob;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Overdue;
import dev.baton.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An overdue lead's SLA breach: recorded once, by the job or by a late answer, and announced. */
@QuarkusTest
class SlaBreachTest {

  @Inject AgroalDataSource database;
  @Inject TestClock clock;
  @Inject SlaBreachJob breaches;

  @Test
  void theJobBreachesAnOverdueLeadOnceEvenWithNobodyCalling() throws Exception {
    String source = Leads.uniqueSource();
    String id = Overdue.handedOff(clock, () -> Leads.handOff(Leads.body(source, "QUALIFIED")));
    long version = Leads.version(id);

    breaches.breachDue();
    JsonPath lead = Leads.awaitSlaState(id, "BREACHED");
    assertEquals("QUALIFIED", lead.getString("status"), "a breach does not move the lead");
    assertNull(lead.get("sla.decidedAt"), "nobody answered");
    assertEquals(version + 1, lead.getLong("version"));
    Leads.get(id).then().header("ETag", "\"" + (version + 1) + "\"");

    JsonPath history = Leads.history(id).jsonPath();
    List<String> types = history.getList("data.type");
    assertEquals(List.of("lead.created", "lead.sla_breached"), types);
    assertEquals("baton", history.getString("data[1].actor.name"));
    assertNull(history.get("data[1].actor.role"), "Baton itself has no role");
    assertEquals(version + 1, history.getLong("data[1].leadVersion"));
    assertEquals(
        Instant.parse(lead.getString("sla.deadline")),
        Instant.parse(history.getString("data[1].data.deadline")));
    assertEquals(
        Instant.parse(lead.getString("sla.startedAt")),
        Instant.parse(history.getString("data[1].data.startedAt")));
    assertEquals("mid-market", history.getString("data[1].data.segment"));
    assertTrue(feed("lead.sla_breached").contains(id));

    // The overdue lead is found by its state; sales answers it late, and the breach stays one.
    assertEquals(List.of(id), listed(source, "BREACHED"));
    assertEquals(List.of(), listed(source, "PENDING"));
    Leads.move(as(As.SALES), id, "accept", Map.of("owner", "late@acme.com"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("sla.state", equalTo("BREACHED"))
        .body("sla.decidedAt", notNullValue())
        .body("sla.deadline", equalTo(lead.getString("sla.deadline")));
    assertEquals(
        List.of("lead.created", "lead.sla_breached", "lead.accepted"), Leads.historyTypes(id));
    assertEquals(Map.of(id, 1), Overdue.breachEvents(database, List.of(id)));
  }

  @Test
  void aLateAnswerIsABreachRecordedOnce() throws Exception {
    // The job runs every second: whoever notices first records the breach, the other does not.
    String accepted = Overdue.handedOff(clock, () -> Leads.leadIn("QUALIFIED"));
    String rejected = Overdue.handedOff(clock, () -> Leads.leadIn("QUALIFIED"));

    Leads.move(as(As.SALES), accepted, "accept", Map.of("owner", "late@acme.com"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("sla.state", equalTo("BREACHED"))
        .body("sla.decidedAt", notNullValue());
    Leads.move(as(As.SALES), rejected, "reject", Map.of("reason", "UNRESPONSIVE"))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("sla.state", equalTo("BREACHED"))
        .body("sla.decidedAt", notNullValue());

    // The job, run after the answers, must not record the breach again.
    breaches.breachDue();
    for (String id : List.of(accepted, rejected)) {
      JsonPath lead = Leads.get(id).jsonPath();
      assertEquals("BREACHED", lead.getString("sla.state"));
      assertNotNull(lead.getString("sla.decidedAt"));
      List<String> types = Leads.historyTypes(id);
      assertEquals(1, types.stream().filter("lead.sla_breached"::equals).count(), types.toString());
      assertTrue(types.indexOf("lead.sla_breached") < types.size() - 1, "breach before answer");
      JsonPath history = Leads.history(id).jsonPath();
      String breach = "data[" + types.indexOf("lead.sla_breached") + "]";
      assertEquals("baton", history.getString(breach + ".actor.name"));
      assertNull(history.get(breach + ".actor.role"));
    }
    assertEquals(
        Map.of(accepted, 1, rejected, 1),
        Overdue.breachEvents(database, List.of(accepted, rejected)));
  }

  /** The lead ids of every event of this type in the change feed. */
  static List<String> feed(String type) {
    List<String> leads = new ArrayList<>();
    String cursor = null;
    while (true) {
      RequestSpecification request =
          as(As.ANALYST).queryParam("types", type).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("after", cursor);
      }
      JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
      List<String> ids = page.getList("data.leadId", String.class);
      assertTrue(page.getList("data.type", String.class).stream().allMatch(type::equals));
      leads.addAll(ids);
      String next = page.getString("nextCursor");
      if (ids.isEmpty() || next.equals(cursor)) {
        return leads;
      }
      cursor = next;
    }
  }
}
