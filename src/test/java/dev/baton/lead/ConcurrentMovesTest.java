package dev.baton.lead;

import static dev.baton.lead.ConcurrentMoveRaces.CLIENTS;
import static dev.baton.lead.ConcurrentMoveRaces.history;
import static dev.baton.lead.ConcurrentMoveRaces.race;
import static dev.baton.lead.ConcurrentMoveRaces.statuses;
import static dev.baton.lead.ConcurrentMoveRaces.withStatus;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.ConcurrentMoveRaces.Outcome;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Twenty clients racing funnel moves on one lead, really at the same time: exactly one wins. */
@QuarkusTest
class ConcurrentMovesTest {

  private static Callable<Response> post(
      RequestSpecification caller, String id, String action, Map<String, ?> body) {
    return () -> caller.body(body).post(LEADS + "/" + id + "/" + action);
  }

  @Test
  void twentyConcurrentAcceptsHaveExactlyOneWinner() throws Exception {
    String id = Leads.leadIn("QUALIFIED");
    List<Outcome> outcomes =
        race(i -> post(as(As.SALES), id, "accept", Map.of("owner", "rep-" + i + "@acme.com")));

    List<Outcome> won = withStatus(outcomes, 200);
    List<Outcome> refused = withStatus(outcomes, 409);
    assertEquals(1, won.size(), "one winner: " + statuses(outcomes));
    assertEquals(CLIENTS - 1, refused.size(), "the others refused: " + statuses(outcomes));
    for (Outcome o : refused) {
      assertEquals("urn:baton:problem:transition-not-allowed", o.body().getString("type"));
      assertEquals("ACCEPTED", o.body().getString("currentStatus"));
    }

    String owner = "rep-" + won.get(0).client() + "@acme.com";
    assertEquals(owner, won.get(0).body().getString("owner"));
    JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
    assertEquals("ACCEPTED", lead.getString("status"));
    assertEquals(owner, lead.getString("owner"));
    assertEquals(2, lead.getInt("version"));

    JsonPath history = history(id);
    assertEquals(List.of("lead.created", "lead.accepted"), history.getList("data.type"));
    assertEquals(owner, history.getString("data[1].data.owner"));
    assertEquals(2, history.getInt("data[1].leadVersion"));
  }

  @Test
  void twentyConcurrentConflictingMovesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
    String id = Leads.leadIn("QUALIFIED");
    List<Outcome> outcomes =
        race(
            i ->
                i % 2 == 0
                    ? post(
                        as(As.SALES).header("If-Match", "\"1\""),
                        id,
                        "accept",
                        Map.of("owner", "rep-" + i + "@acme.com"))
                    : post(
                        as(As.SALES).header("If-Match", "\"1\""),
                        id,
                        "reject",
                        Map.of("reason", "NO_BUDGET", "note", "client " + i)));

    List<Outcome> won = withStatus(outcomes, 200);
    List<Outcome> stale = withStatus(outcomes, 412);
    assertEquals(1, won.size(), "one winner: " + statuses(outcomes));
    assertEquals(CLIENTS - 1, stale.size(), "the others are stale: " + statuses(outcomes));
    for (Outcome o : stale) {
      assertEquals("urn:baton:problem:precondition-failed", o.body().getString("type"));
      assertEquals(2, o.body().getInt("currentVersion"));
    }

    Outcome winner = won.get(0);
    boolean accepted = winner.client() % 2 == 0;
    String status = accepted ? "ACCEPTED" : "REJECTED";
    JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
    assertEquals(status, lead.getString("status"));
    assertEquals(2, lead.getInt("version"));
    if (accepted) {
      assertEquals("rep-" + winner.client() + "@acme.com", lead.getString("owner"));
    } else {
      assertEquals("client " + winner.client(), lead.getString("rejection.note"));
    }

    JsonPath history = history(id);
    assertEquals(
        List.of("lead.created", accepted ? "lead.accepted" : "lead.rejected"),
        history.getList("data.type"));
    assertEquals("QUALIFIED", history.getString("data[1].fromStatus"));
    assertEquals(status, history.getString("data[1].toStatus"));
  }

  @Test
  void twentyConcurrentConvertsAndRejectsHaveExactlyOneWinner() throws Exception {
    // From ACCEPTED, convert and reject exclude each other: whichever wins, the rest are refused.
    String id = Leads.leadIn("ACCEPTED");
    List<Outcome> outcomes =
        race(
            i ->
                i % 2 == 0
                    ? post(
                        as(As.SALES),
                        id,
                        "convert",
                        Map.of("opportunityRef", "OPP-" + i, "amount", i, "currency", "EUR"))
                    : post(
                        as(As.SALES),
                        id,
                        "reject",
                        Map.of("reason", "CHOSE_COMPETITOR", "note", "client " + i)));

    List<Outcome> won = withStatus(outcomes, 200);
    List<Outcome> refused = withStatus(outcomes, 409);
    assertEquals(1, won.size(), "one winner: " + statuses(outcomes));
    assertEquals(CLIENTS - 1, refused.size(), "the others refused: " + statuses(outcomes));

    Outcome winner = won.get(0);
    boolean converted = winner.client() % 2 == 0;
    String status = converted ? "CONVERTED" : "REJECTED";
    refused.forEach(o -> assertEquals(status, o.body().getString("currentStatus")));
    JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
    assertEquals(status, lead.getString("status"));
    assertEquals(3, lead.getInt("version"));
    if (converted) {
      assertEquals("OPP-" + winner.client(), lead.getString("conversion.opportunityRef"));
    } else {
      assertEquals("client " + winner.client(), lead.getString("rejection.note"));
    }
    assertEquals(
        List.of("lead.created", "lead.accepted", converted ? "lead.converted" : "lead.rejected"),
        history(id).getList("data.type"));
  }

  @Test
  void concurrentAcceptsAndRejectsLeaveAHistoryThatMatchesEverySuccess() throws Exception {
    // Without If-Match an accept may be followed by a reject (ACCEPTED → REJECTED is allowed),
    // so one or two moves succeed; whatever happened, lead and history must tell the same story.
    String id = Leads.leadIn("QUALIFIED");
    List<Outcome> outcomes =
        race(
            i ->
                i % 2 == 0
                    ? post(as(As.SALES), id, "accept", Map.of("owner", "rep-" + i + "@acme.com"))
                    : post(as(As.SALES), id, "reject", Map.of("reason", "NO_NEED")));

    List<Outcome> won = withStatus(outcomes, 200);
    assertEquals(CLIENTS - won.size(), withStatus(outcomes, 409).size(), statuses(outcomes));
    assertTrue(won.size() == 1 || won.size() == 2, statuses(outcomes));
    List<String> moves = history(id).<String>getList("data.type").subList(1, 1 + won.size());
    assertEquals(1 + won.size(), history(id).getList("data.type").size());
    if (won.size() == 2) {
      assertEquals(List.of("lead.accepted", "lead.rejected"), moves);
    }
    JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
    assertEquals(1 + won.size(), lead.getInt("version"));
    assertEquals(
        moves.get(moves.size() - 1).equals("lead.accepted") ? "ACCEPTED" : "REJECTED",
        lead.getString("status"));
  }
}
