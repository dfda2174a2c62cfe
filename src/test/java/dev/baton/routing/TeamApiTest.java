package dev.baton.routing;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.baton.testing.Api.As;
import dev.baton.testing.Teams;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Members, queues and rules over the API: who may change them, and what is refused and why. */
@QuarkusTest
class TeamApiTest {

  @AfterEach
  void routingOff() {
    Teams.noRouting();
  }

  @Test
  void aMemberIsCreatedThenReplacedUnderTheSameId() {
    String id = Teams.id("ana");
    Map<String, Object> body =
        Map.of(
            "name", "Ana",
            "email", "ana@acme.com",
            "timeZone", "America/New_York",
            "workingHours",
                List.of(
                    Map.of("days", List.of("MONDAY", "FRIDAY"), "from", "09:00", "to", "17:00")),
            "maxOpen", 5);
    as(As.SALES_MANAGER)
        .body(body)
        .put("/api/v1/members/" + id)
        .then()
        .statusCode(201)
        .body("id", equalTo(id))
        .body("timeZone", equalTo("America/New_York"))
        .body("workingHours[0].from", equalTo("09:00"))
        .body("maxOpen", equalTo(5))
        .body("active", equalTo(true))
        .body("waiting", equalTo(0));
    as(As.ADMIN)
        .body(Map.of("name", "Ana B.", "timeZone", "UTC", "active", false))
        .put("/api/v1/members/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Ana B."))
        .body("maxOpen", equalTo(null))
        .body("active", equalTo(false));
    as(As.ANALYST).get("/api/v1/members").then().statusCode(200).body("data.id", hasItem(id));
    as(As.ANALYST).get("/api/v1/members/nobody-here").then().statusCode(404);
  }

  @Test
  void onlySalesManagersAndAdminsChangeTheTeam() {
    for (As role : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      as(role)
          .body(Map.of("name", "X", "timeZone", "UTC"))
          .put("/api/v1/members/" + Teams.id("x"))
          .then()
          .statusCode(403);
      as(role).body(Map.of("rules", List.of())).put("/api/v1/routing").then().statusCode(403);
    }
  }

  @Test
  void badMembersAreRefusedNamingTheField() {
    as(As.SALES_MANAGER)
        .body(Map.of("name", "X", "timeZone", "Mars/Olympus"))
        .put("/api/v1/members/" + Teams.id("x"))
        .then()
        .statusCode(400)
        .body("errors.field", contains("timeZone"));
    as(As.SALES_MANAGER)
        .body(Map.of("name", "X", "timeZone", "UTC"))
        .put("/api/v1/members/Not_Valid")
        .then()
        .statusCode(400)
        .body("errors.field", contains("id"));
    as(As.SALES_MANAGER)
        .body(
            Map.of(
                "name",
                "X",
                "timeZone",
                "UTC",
                "workingHours",
                List.of(Map.of("days", List.of("MONDAY"), "from", "9am", "to", "17:00")),
                "maxOpen",
                0))
        .put("/api/v1/members/" + Teams.id("x"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("workingHours[0].from"))
        .body("errors.field", hasItem("maxOpen"));
  }

  @Test
  void aQueueNamesExistingMembersOnceWithAWeight() {
    String member = Teams.member("q");
    String queue = Teams.id("team");
    as(As.SALES_MANAGER)
        .body(
            Map.of(
                "name",
                "Team",
                "members",
                List.of(
                    Map.of("memberId", member, "weight", 2),
                    Map.of("memberId", "ghost-member", "weight", 1),
                    Map.of("memberId", member, "weight", 1),
                    Map.of("memberId", member, "weight", 0))))
        .put("/api/v1/queues/" + queue)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("members[3].weight"));
    as(As.SALES_MANAGER)
        .body(
            Map.of(
                "name",
                "Team",
                "members",
                List.of(
                    Map.of("memberId", member, "weight", 2),
                    Map.of("memberId", "ghost-member", "weight", 1),
                    Map.of("memberId", member, "weight", 1))))
        .put("/api/v1/queues/" + queue)
        .then()
        .statusCode(400)
        .body("errors.field", contains("members[1].memberId", "members[2].memberId"));
    as(As.SALES_MANAGER)
        .body(Map.of("name", "Team", "members", List.of(Map.of("memberId", member, "weight", 2))))
        .put("/api/v1/queues/" + queue)
        .then()
        .statusCode(201)
        .body("members[0].memberId", equalTo(member))
        .body("members[0].weight", equalTo(2));
    as(As.ANALYST).get("/api/v1/members/" + member).then().body("queues", contains(queue));
    as(As.ANALYST)
        .get("/api/v1/queues/" + queue)
        .then()
        .statusCode(200)
        .body("name", equalTo("Team"));
  }

  @Test
  void rulesNameQueuesAndMembersThatExist() {
    String queue = Teams.queue("r", Map.of(Teams.member("r"), 1));
    as(As.SALES_MANAGER)
        .body(
            Map.of(
                "rules",
                List.of(
                    Map.of("name", "a", "queue", "no-such-queue", "method", "LEAST_LOADED"),
                    Map.of("name", "b", "queue", queue, "method", "FIXED_MEMBER"),
                    Map.of(
                        "name", "c",
                        "queue", queue,
                        "method", "WEIGHTED_ROUND_ROBIN",
                        "member", "someone"),
                    Map.of(
                        "name",
                        "d",
                        "queue",
                        queue,
                        "method",
                        "LEAST_LOADED",
                        "when",
                        Map.of("minScore", 80, "maxScore", 20))),
                "fallbackQueue",
                "nope"))
        .put("/api/v1/routing")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            contains(
                "rules[0].queue",
                "rules[1].member",
                "rules[2].member",
                "rules[3].when.maxScore",
                "fallbackQueue"));
    as(As.ANALYST).get("/api/v1/routing").then().statusCode(200).body("rules.size()", equalTo(0));
  }
}
