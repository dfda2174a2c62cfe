package dev.baton.security;

import static dev.baton.security.Forbidden.PROBLEM_JSON;
import static dev.baton.security.Forbidden.assertForbidden;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against every move of the funnel, from every status: taken by the roles PRODUCT.md
 * names, or a 403 problem that changes nothing; a move from the wrong status is a 409 instead.
 */
@QuarkusTest
class FunnelRolesTest {

  private static final List<String> STATUSES =
      List.of("GENERATED", "QUALIFIED", "ACCEPTED", "REJECTED", "CONVERTED");

  /** PRODUCT.md's funnel, as Funnel.java enforces it: action, from, to, who may. */
  private record Move(String action, String from, String to, Set<As> roles) {}

  private static final List<Move> MOVES =
      List.of(
          new Move("qualify", "GENERATED", "QUALIFIED", EnumSet.of(As.MARKETING, As.ADMIN)),
          new Move("accept", "QUALIFIED", "ACCEPTED", EnumSet.of(As.SALES, As.ADMIN)),
          new Move("reject", "GENERATED", "REJECTED", EnumSet.of(As.MARKETING, As.SALES, As.ADMIN)),
          new Move("reject", "QUALIFIED", "REJECTED", EnumSet.of(As.SALES, As.ADMIN)),
          new Move("reject", "ACCEPTED", "REJECTED", EnumSet.of(As.SALES, As.ADMIN)),
          new Move("convert", "ACCEPTED", "CONVERTED", EnumSet.of(As.SALES, As.ADMIN)),
          new Move("recycle", "REJECTED", "GENERATED", EnumSet.of(As.MARKETING, As.ADMIN)));

  static Stream<Arguments> everyMoveForEveryRole() {
    List<Arguments> cases = new ArrayList<>();
    for (Move move : MOVES) {
      for (As role : As.values()) {
        cases.add(
            Arguments.of(
                move.action(), move.from(), role, move.roles().contains(role) ? move.to() : "403"));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{2} {0}s a {1} lead: {3}")
  @MethodSource("everyMoveForEveryRole")
  void funnelMoveIsTakenOnlyByItsRoles(String action, String from, As role, String expected) {
    String id = leadIn(from);
    long version = version(id);
    Response response = as(role).body(bodyFor(action)).post("/api/v1/leads/" + id + "/" + action);
    if (expected.equals("403")) {
      assertForbidden(response);
      assertUnchanged(id, from, version);
    } else {
      assertEquals(200, response.statusCode(), response.asString());
      response.then().body("status", equalTo(expected)).body("version", equalTo((int) version + 1));
    }
  }

  /** Roles that may never take an action: 403 from any status, even where the move is absent. */
  static Stream<Arguments> actionsARoleNeverTakes() {
    Map<As, List<String>> never =
        Map.of(
            As.ANALYST, List.of("qualify", "accept", "reject", "convert", "recycle"),
            As.SALES, List.of("qualify", "recycle"),
            As.MARKETING, List.of("accept", "convert"));
    List<Arguments> cases = new ArrayList<>();
    never.forEach(
        (role, actions) ->
            actions.forEach(
                action ->
                    STATUSES.forEach(status -> cases.add(Arguments.of(role, action, status)))));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} may never {1} (lead {2})")
  @MethodSource("actionsARoleNeverTakes")
  void roleIsForbiddenAnActionItNeverTakes(As role, String action, String status) {
    String id = leadIn(status);
    long version = version(id);
    Response response = as(role).body(bodyFor(action)).post("/api/v1/leads/" + id + "/" + action);
    assertForbidden(response);
    assertUnchanged(id, status, version);
  }

  @ParameterizedTest(name = "marketing rejects a {0} lead")
  @CsvSource({"QUALIFIED", "ACCEPTED"})
  void marketingMayRejectOnlyGeneratedLeads(String status) {
    String id = leadIn(status);
    long version = version(id);
    Response response =
        as(As.MARKETING).body(Map.of("reason", "NOT_ICP")).post("/api/v1/leads/" + id + "/reject");
    assertForbidden(response);
    assertUnchanged(id, status, version);
  }

  @Test
  void marketingRejectsAGeneratedLeadWithAReason() {
    String id = leadIn("GENERATED");
    as(As.MARKETING)
        .body(Map.of("reason", "SPAM"))
        .post("/api/v1/leads/" + id + "/reject")
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejection.reason", equalTo("SPAM"))
        .body("rejection.accountable", equalTo("MARKETING"));
  }

  @Test
  void allowedRoleOnAWrongStatusGetsAConflictNotAForbidden() {
    String id = leadIn("CONVERTED");
    Response response =
        as(As.MARKETING).body(Map.of("reason", "NOT_ICP")).post("/api/v1/leads/" + id + "/reject");
    assertEquals(409, response.statusCode(), response.asString());
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("status", equalTo(409))
        .body("currentStatus", equalTo("CONVERTED"))
        .body("allowedActions.size()", equalTo(0));
  }

  /** A fresh lead in {@code status}, brought there through the funnel by allowed roles. */
  private static String leadIn(String status) {
    switch (status) {
      case "GENERATED", "QUALIFIED" -> {
        return Api.handOff(status);
      }
      case "ACCEPTED" -> {
        String id = Api.handOff("QUALIFIED");
        move(As.SALES, id, "accept", "ACCEPTED");
        return id;
      }
      case "REJECTED" -> {
        String id = Api.handOff("GENERATED");
        move(As.MARKETING, id, "reject", "REJECTED");
        return id;
      }
      case "CONVERTED" -> {
        String id = leadIn("ACCEPTED");
        move(As.SALES, id, "convert", "CONVERTED");
        return id;
      }
      default -> throw new IllegalArgumentException(status);
    }
  }

  private static void move(As role, String id, String action, String to) {
    as(role)
        .body(bodyFor(action))
        .post("/api/v1/leads/" + id + "/" + action)
        .then()
        .statusCode(200)
        .body("status", equalTo(to));
  }

  private static Map<String, Object> bodyFor(String action) {
    return switch (action) {
      case "qualify" -> Map.of("score", 70, "note", "fits the ICP");
      case "accept" -> Map.of("owner", "jane.doe@acme.com");
      case "reject" -> Map.of("reason", "NOT_ICP");
      case "convert" -> Map.of("opportunityRef", "opp-1", "amount", 1000, "currency", "EUR");
      case "recycle" -> Map.of("note", "back to nurture");
      default -> throw new IllegalArgumentException(action);
    };
  }

  private static long version(String id) {
    return ((Number) as(As.ADMIN).get("/api/v1/leads/" + id).path("version")).longValue();
  }

  private static void assertUnchanged(String id, String status, long version) {
    as(As.ADMIN)
        .get("/api/v1/leads/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo(status))
        .body("version", equalTo((int) version));
  }
}
