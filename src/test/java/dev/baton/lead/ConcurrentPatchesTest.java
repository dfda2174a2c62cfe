package dev.baton.lead;

import static dev.baton.lead.ConcurrentMoveRaces.CLIENTS;
import static dev.baton.lead.ConcurrentMoveRaces.history;
import static dev.baton.lead.ConcurrentMoveRaces.race;
import static dev.baton.lead.ConcurrentMoveRaces.statuses;
import static dev.baton.lead.ConcurrentMoveRaces.withStatus;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.lead.ConcurrentMoveRaces.Outcome;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twenty clients patching one lead with the same If-Match, really at the same time: one wins. */
@QuarkusTest
class ConcurrentPatchesTest {

  @Test
  void twentyConcurrentPatchesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
    String id = Leads.leadIn("GENERATED");
    List<Outcome> outcomes =
        race(
            i -> {
              RequestSpecification request =
                  as(i % 2 == 0 ? As.MARKETING : As.SALES)
                      .contentType("application/merge-patch+json")
                      .header("If-Match", "\"1\"")
                      .body(Map.of("contact", Map.of("lastName", "Writer-" + i)));
              return () -> request.patch(LEADS + "/" + id);
            });

    List<Outcome> won = withStatus(outcomes, 200);
    List<Outcome> stale = withStatus(outcomes, 412);
    assertEquals(1, won.size(), "one winner: " + statuses(outcomes));
    assertEquals(CLIENTS - 1, stale.size(), "the others are stale: " + statuses(outcomes));
    stale.forEach(
        o -> {
          assertEquals("urn:baton:problem:precondition-failed", o.body().getString("type"));
          assertEquals(2, o.body().getInt("currentVersion"));
        });

    String lastName = "Writer-" + won.get(0).client();
    JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
    assertEquals(lastName, lead.getString("contact.lastName"));
    assertEquals(2, lead.getInt("version"));
    JsonPath history = history(id);
    assertEquals(List.of("lead.created", "lead.updated"), history.getList("data.type"));
    assertEquals(List.of("contact.lastName"), history.getList("data[1].data.changed"));
  }
}
