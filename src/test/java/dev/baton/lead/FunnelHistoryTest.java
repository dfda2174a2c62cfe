package dev.baton.lead;

import static dev.baton.lead.FunnelMoveScenes.lead;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The history of a lead: every move oldest first, with who made it and what it carried. */
@QuarkusTest
class FunnelHistoryTest {

  @Test
  void historyListsTheHandoffAndEveryMoveOldestFirstWithWhoAndWhat() {
    Leads.Key marketing = Leads.newKey("MARKETING");
    Leads.Key sales = Leads.newKey("SALES");
    Leads.Key admin = Leads.newKey("ADMIN");
    String source = Leads.uniqueSource();
    String id =
        marketing
            .spec()
            .body(Leads.body(source, null))
            .post(LEADS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Leads.move(marketing.spec(), id, "qualify", Map.of("score", 80, "note", "Demo request"))
        .then()
        .statusCode(200);
    Leads.move(sales.spec(), id, "accept", Map.of("owner", "rep@acme.com")).then().statusCode(200);
    Leads.move(sales.spec(), id, "reject", Map.of("reason", "OTHER", "note", "Merged account"))
        .then()
        .statusCode(200);
    Leads.move(marketing.spec(), id, "recycle", Map.of("note", "Nurture")).then().statusCode(200);
    Leads.move(admin.spec(), id, "qualify", Map.of()).then().statusCode(200);
    Leads.move(sales.spec(), id, "accept", Map.of("owner", "rep2@acme.com")).then().statusCode(200);
    Leads.move(
            sales.spec(),
            id,
            "convert",
            Map.of("opportunityRef", "OPP-7", "amount", 2500.25, "currency", "USD"))
        .then()
        .statusCode(200);

    JsonPath history =
        as(As.ANALYST)
            .config(Leads.DOUBLES)
            .get(LEADS + "/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertEquals(
        List.of(
            "lead.created",
            "lead.qualified",
            "lead.accepted",
            "lead.rejected",
            "lead.recycled",
            "lead.qualified",
            "lead.accepted",
            "lead.converted"),
        history.getList("data.type"));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), history.getList("data.leadVersion"));
    List<String> from = history.getList("data.fromStatus");
    List<String> to = history.getList("data.toStatus");
    assertEquals(
        Arrays.asList(
            null,
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED",
            "REJECTED",
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED"),
        from);
    assertEquals(
        List.of(
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED",
            "REJECTED",
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED",
            "CONVERTED"),
        to);
    assertEquals(
        List.of(
            marketing.name(),
            marketing.name(),
            sales.name(),
            sales.name(),
            marketing.name(),
            admin.name(),
            sales.name(),
            sales.name()),
        history.getList("data.actor.name"));
    assertEquals(
        List.of("MARKETING", "MARKETING", "SALES", "SALES", "MARKETING", "ADMIN", "SALES", "SALES"),
        history.getList("data.actor.role"));
    List<String> ids = history.getList("data.leadId");
    ids.forEach(leadId -> assertEquals(id, leadId));
    assertEquals(8, Set.copyOf(history.getList("data.id")).size(), "event ids are unique");

    List<String> times = history.getList("data.occurredAt");
    for (int i = 1; i < times.size(); i++) {
      assertThat(
          "oldest first",
          Instant.parse(times.get(i)).compareTo(Instant.parse(times.get(i - 1))),
          greaterThan(-1));
    }

    assertEquals(source, history.getString("data[0].data.source"));
    assertEquals("GENERATED", history.getString("data[0].data.status"));
    assertEquals(80, history.getInt("data[1].data.score"));
    assertEquals("Demo request", history.getString("data[1].data.note"));
    assertEquals("rep@acme.com", history.getString("data[2].data.owner"));
    assertEquals("OTHER", history.getString("data[3].data.reason"));
    assertEquals("NONE", history.getString("data[3].data.accountable"));
    assertEquals("Merged account", history.getString("data[3].data.note"));
    assertEquals(1, history.getInt("data[4].data.recycleCount"));
    assertEquals("Nurture", history.getString("data[4].data.note"));
    assertEquals("rep2@acme.com", history.getString("data[6].data.owner"));
    assertEquals("OPP-7", history.getString("data[7].data.opportunityRef"));
    assertEquals(2500.25, history.getDouble("data[7].data.amount"));
    assertEquals("USD", history.getString("data[7].data.currency"));

    // The lead itself agrees with the last event.
    JsonPath lead = lead(id);
    assertEquals(8, lead.getInt("version"));
    assertEquals("CONVERTED", lead.getString("status"));
    assertNull(lead.get("rejection"));
    Map<String, Object> last = new LinkedHashMap<>(history.getMap("data[7]"));
    assertEquals(lead.getString("updatedAt"), last.get("occurredAt"));
  }

  @Test
  void everyRoleMayReadTheHistory() {
    String id = Leads.leadIn("QUALIFIED");
    for (As role : As.values()) {
      Api.as(role)
          .get(LEADS + "/" + id + "/history")
          .then()
          .statusCode(200)
          .body("data.type", equalTo(List.of("lead.created")))
          .body("data[0].toStatus", equalTo("QUALIFIED"))
          .body("data[0].data.status", equalTo("QUALIFIED"));
    }
  }
}
