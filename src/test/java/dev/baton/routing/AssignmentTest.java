package dev.baton.routing;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A lead entering QUALIFIED goes to a named member, and the lead, its history and owner say so. */
@QuarkusTest
class AssignmentTest {

  @AfterEach
  void routingOff() {
    Teams.noRouting();
  }

  @Test
  void withoutRulesALeadWaitsForSalesAsAWhole() {
    Teams.noRouting();
    String lead = Leads.leadIn("QUALIFIED");
    Leads.get(lead).then().body("assignee", nullValue());
    assertEquals(List.of("lead.created"), Leads.historyTypes(lead));
  }

  @Test
  void aQualifiedHandoffIsAssignedInTheSameAnswerAndTheHistorySaysSo() {
    String jane = Teams.member("jane", Map.of("email", "jane@acme.com"));
    String queue = Teams.queue("inside", Map.of(jane, 1));
    Teams.routing(List.of(Teams.rule("everyone", Map.of(), queue, "WEIGHTED_ROUND_ROBIN")), null);

    JsonPath created =
        as(As.MARKETING)
            .body(Leads.body(Leads.uniqueSource(), "QUALIFIED"))
            .post(Leads.LEADS)
            .then()
            .statusCode(201)
            .body("assignee.memberId", equalTo(jane))
            .body("assignee.queue", equalTo(queue))
            .body("version", equalTo(2))
            .extract()
            .jsonPath();
    String lead = created.getString("id");
    assertEquals(List.of("lead.created", "lead.assigned"), Leads.historyTypes(lead));
    Leads.history(lead)
        .then()
        .body("data[1].data.memberId", equalTo(jane))
        .body("data[1].data.queue", equalTo(queue))
        .body("data[1].data.rule", equalTo("everyone"))
        .body("data[1].data.method", equalTo("WEIGHTED_ROUND_ROBIN"))
        .body("data[1].actor.name", equalTo("baton"));

    // Accepted without naming an owner: the assignee owns it.
    Leads.move(as(As.SALES), lead, "accept", Map.of())
        .then()
        .statusCode(200)
        .body("owner", equalTo("jane@acme.com"));
  }

  @Test
  void qualifyingAndOverturningARejectionAssignToo() {
    String sam = Teams.member("sam", Map.of("email", ""));
    String queue = Teams.queue("all", Map.of(sam, 1));
    Teams.routing(List.of(), queue);

    String lead = Leads.leadIn("GENERATED");
    Leads.get(lead).then().body("assignee", nullValue());
    Leads.move(as(As.MARKETING), lead, "qualify", Map.of("score", 80))
        .then()
        .statusCode(200)
        .body("assignee.memberId", equalTo(sam));
    Leads.move(as(As.SALES), lead, "accept", Map.of()).then().body("owner", equalTo(sam));

    Leads.move(as(As.SALES), lead, "reject", Map.of("reason", "NO_BUDGET")).then().statusCode(200);
    as(As.MARKETING)
        .body(Map.of("note", "They have budget"))
        .post("/api/v1/leads/" + lead + "/dispute")
        .then()
        .statusCode(200);
    as(As.SALES)
        .body(Map.of("outcome", "OVERTURNED"))
        .post("/api/v1/leads/" + lead + "/dispute/resolve")
        .then()
        .statusCode(200)
        .body("status", equalTo("QUALIFIED"))
        .body("assignee.memberId", equalTo(sam));
    List<String> types = Leads.historyTypes(lead);
    assertEquals("lead.assigned", types.get(types.size() - 1));
    assertEquals(2, types.stream().filter("lead.assigned"::equals).count());
  }

  @Test
  void theFirstMatchingRuleDecidesAndAnAbsentFixedMemberFallsBack() {
    String fr = Teams.member("fr");
    String away = Teams.member("away", Map.of("awayUntil", "2099-01-01T00:00:00Z"));
    String other = Teams.member("other");
    String france = Teams.queue("france", Map.of(fr, 1));
    String vip = Teams.queue("vip", Map.of(away, 1));
    String rest = Teams.queue("rest", Map.of(other, 1));
    Map<String, Object> vipRule =
        Teams.rule("big scores", Map.of("minScore", 90), vip, "FIXED_MEMBER");
    vipRule.put("member", away);
    Teams.routing(
        List.of(
            vipRule,
            Teams.rule(
                "France",
                Map.of(
                    "companyCountries",
                    List.of("FR"),
                    "attributes",
                    Map.of("plan", List.of("pro"))),
                france,
                "LEAST_LOADED")),
        rest);

    Map<String, Object> french = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    french.put("company", Map.of("name", "Acme", "country", "FR"));
    french.put("attributes", Map.of("plan", "pro"));
    assertEquals(fr, assigneeOf(french));

    Map<String, Object> frenchFree = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    frenchFree.put("company", Map.of("name", "Acme", "country", "FR"));
    frenchFree.put("attributes", Map.of("plan", "free"));
    assertEquals(other, assigneeOf(frenchFree), "an attribute value not listed: no match");

    Map<String, Object> big = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    big.put("score", 95);
    assertEquals(other, assigneeOf(big), "the fixed member is away: the fallback queue");

    as(As.ANALYST)
        .body(Map.of("score", 95))
        .post("/api/v1/routing/preview")
        .then()
        .statusCode(200)
        .body("memberId", equalTo(other))
        .body("queue", equalTo(rest))
        .body("rule", nullValue())
        .body("why", hasItem("rule 1 'big scores' matches"))
        .body("why", hasItem(away + " is inactive or away"))
        .body("why", hasItem("fallback queue '" + rest + "'"));
  }

  @Test
  void aManagerReassignsAWaitingLeadWithAReason() {
    String first = Teams.member("first");
    String second = Teams.member("second");
    String queue = Teams.queue("pair", Map.of(first, 1, second, 1));
    Teams.routing(List.of(), queue);
    String lead = Leads.leadIn("QUALIFIED");
    String assigned = Leads.get(lead).jsonPath().getString("assignee.memberId");
    String next = assigned.equals(first) ? second : first;

    as(As.SALES)
        .body(Map.of("queue", queue, "reason", "x"))
        .post("/api/v1/leads/" + lead + "/reassign")
        .then()
        .statusCode(403);
    as(As.SALES_MANAGER)
        .body(Map.of("queue", queue, "reason", "On sick leave"))
        .post("/api/v1/leads/" + lead + "/reassign")
        .then()
        .statusCode(200)
        .body("assignee.memberId", equalTo(next));
    Leads.history(lead)
        .then()
        .body("data[-1].type", equalTo("lead.reassigned"))
        .body("data[-1].data.previousMemberId", equalTo(assigned))
        .body("data[-1].data.reason", equalTo("On sick leave"));

    as(As.SALES_MANAGER)
        .body(Map.of("memberId", "nobody-" + first, "reason", "x"))
        .post("/api/v1/leads/" + lead + "/reassign")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("memberId"));
    as(As.SALES_MANAGER)
        .body(Map.of("queue", "none-" + queue, "reason", "x"))
        .post("/api/v1/leads/" + lead + "/reassign")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("queue"));
    Leads.get(lead).then().body("assignee.memberId", equalTo(next));
    as(As.SALES_MANAGER)
        .body(Map.of("reason", "none given"))
        .post("/api/v1/leads/" + lead + "/reassign")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("memberId"));
    Leads.move(as(As.SALES), lead, "accept", Map.of()).then().statusCode(200);
    as(As.SALES_MANAGER)
        .body(Map.of("memberId", first, "reason", "late"))
        .post("/api/v1/leads/" + lead + "/reassign")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:not-waiting"))
        .body("currentStatus", equalTo("ACCEPTED"));
  }

  private static String assigneeOf(Map<String, Object> body) {
    return as(As.MARKETING)
        .body(body)
        .post(Leads.LEADS)
        .then()
        .statusCode(201)
        .extract()
        .path("assignee.memberId");
  }
}
