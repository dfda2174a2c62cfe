package dev.baton.security;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against every endpoint that exists: allowed, or a 403 problem that changes nothing.
 */
@QuarkusTest
class RolesTest {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final List<String> STATUSES =
      List.of("GENERATED", "QUALIFIED", "ACCEPTED", "REJECTED", "CONVERTED");

  // ---------------------------------------------------------------------------------------------
  // Leads
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} hands off: {1}")
  @CsvSource({"MARKETING, 201", "ADMIN, 201", "SALES, 403", "ANALYST, 403"})
  void handOffIsForMarketingAndAdmin(As role, int expected) {
    String email = "roles-" + UUID.randomUUID() + "@example.com";
    Response response =
        as(role)
            .body(
                Map.of(
                    "contact", Map.of("email", email),
                    "attribution", Map.of("source", "roles-test")))
            .post("/api/v1/leads");
    if (expected == 201) {
      assertEquals(201, response.statusCode(), response.asString());
      response.then().body("status", equalTo("GENERATED"));
    } else {
      assertForbidden(response);
      as(As.ADMIN)
          .body(Map.of("email", email))
          .post("/api/v1/leads/search")
          .then()
          .statusCode(200)
          .body("data.size()", equalTo(0));
    }
  }

  @ParameterizedTest
  @EnumSource(As.class)
  void everyRoleReadsLeadsOneLeadAndItsHistory(As role) {
    String id = Api.handOff("GENERATED");
    as(role).get("/api/v1/leads").then().statusCode(200).body("data", notNullValue());
    as(role)
        .get("/api/v1/leads/" + id)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("id", equalTo(id));
    as(role)
        .get("/api/v1/leads/" + id + "/history")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1));
  }

  @ParameterizedTest(name = "{0} patches: {1}")
  @CsvSource({"MARKETING, 200", "SALES, 200", "ADMIN, 200", "ANALYST, 403"})
  void patchIsForMarketingSalesAndAdmin(As role, int expected) {
    String id = Api.handOff("GENERATED");
    Response response =
        as(role)
            .contentType("application/merge-patch+json")
            .header("If-Match", "\"1\"")
            .body("{\"segment\": \"enterprise\", \"contact\": {\"jobTitle\": \"CTO\"}}")
            .patch("/api/v1/leads/" + id);
    if (expected == 200) {
      assertEquals(200, response.statusCode(), response.asString());
      response
          .then()
          .body("segment", equalTo("enterprise"))
          .body("contact.jobTitle", equalTo("CTO"))
          .body("version", equalTo(2));
    } else {
      assertForbidden(response);
      as(As.ADMIN)
          .get("/api/v1/leads/" + id)
          .then()
          .body("segment", equalTo("mid-market"))
          .body("version", equalTo(1));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The funnel
  // ---------------------------------------------------------------------------------------------

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

  // ---------------------------------------------------------------------------------------------
  // Rejection reasons
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(As.class)
  void everyRoleReadsTheReasonCatalog(As role) {
    as(role)
        .get("/api/v1/rejection-reasons")
        .then()
        .statusCode(200)
        .body("data.code", hasItem("NOT_ICP"))
        .body("data.code", hasItem("OTHER"));
  }

  @ParameterizedTest(name = "{0} adds a reason: {1}")
  @CsvSource({"ADMIN, 201", "MARKETING, 403", "SALES, 403", "ANALYST, 403"})
  void onlyAdminAddsAReason(As role, int expected) {
    String code = newCode();
    Response response =
        as(role)
            .body(Map.of("code", code, "label", "Added by " + role, "accountable", "NONE"))
            .post("/api/v1/rejection-reasons");
    if (expected == 201) {
      assertEquals(201, response.statusCode(), response.asString());
      response.then().body("code", equalTo(code)).body("active", equalTo(true));
    } else {
      assertForbidden(response);
      as(As.ADMIN).get("/api/v1/rejection-reasons").then().body("data.code", not(hasItem(code)));
    }
  }

  @ParameterizedTest(name = "{0} deactivates a reason: {1}")
  @CsvSource({"ADMIN, 200", "MARKETING, 403", "SALES, 403", "ANALYST, 403"})
  void onlyAdminDeactivatesAReason(As role, int expected) {
    String code = createReason();
    Response response = as(role).post("/api/v1/rejection-reasons/" + code + "/deactivate");
    if (expected == 200) {
      assertEquals(200, response.statusCode(), response.asString());
      response.then().body("code", equalTo(code)).body("active", equalTo(false));
    } else {
      assertForbidden(response);
      assertReasonActive(code, true);
    }
  }

  @ParameterizedTest(name = "{0} activates a reason: {1}")
  @CsvSource({"ADMIN, 200", "MARKETING, 403", "SALES, 403", "ANALYST, 403"})
  void onlyAdminReactivatesAReason(As role, int expected) {
    String code = createReason();
    as(As.ADMIN).post("/api/v1/rejection-reasons/" + code + "/deactivate").then().statusCode(200);
    Response response = as(role).post("/api/v1/rejection-reasons/" + code + "/activate");
    if (expected == 200) {
      assertEquals(200, response.statusCode(), response.asString());
      response.then().body("active", equalTo(true));
    } else {
      assertForbidden(response);
      assertReasonActive(code, false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // API keys
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} manages keys: {1}")
  @CsvSource({"ADMIN, true", "MARKETING, false", "SALES, false", "ANALYST, false"})
  void onlyAdminManagesApiKeys(As role, boolean allowed) {
    Response created =
        as(As.ADMIN)
            .body(Map.of("name", "roles-" + UUID.randomUUID(), "role", "ANALYST"))
            .post("/api/v1/api-keys");
    assertEquals(201, created.statusCode(), created.asString());
    String id = created.path("id");

    Response list = as(role).get("/api/v1/api-keys");
    Response one = as(role).get("/api/v1/api-keys/" + id);
    Response create =
        as(role)
            .body(Map.of("name", "roles-" + UUID.randomUUID(), "role", "ADMIN"))
            .post("/api/v1/api-keys");
    Response revoke = as(role).delete("/api/v1/api-keys/" + id);
    if (allowed) {
      assertEquals(200, list.statusCode(), list.asString());
      assertEquals(200, one.statusCode(), one.asString());
      assertEquals(201, create.statusCode(), create.asString());
      assertEquals(200, revoke.statusCode(), revoke.asString());
    } else {
      assertForbidden(list);
      assertForbidden(one);
      assertForbidden(create);
      assertForbidden(revoke);
      as(As.ADMIN)
          .get("/api/v1/api-keys/" + id)
          .then()
          .statusCode(200)
          .body("revokedAt", org.hamcrest.Matchers.nullValue());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // A forbidden role learns nothing from its body
  // ---------------------------------------------------------------------------------------------

  @Test
  void forbiddenRoleIsRefusedBeforeItsBodyIsRead() {
    assertForbidden(as(As.SALES).body("{not json").post("/api/v1/leads"));
    assertForbidden(as(As.ANALYST).body("{}").post("/api/v1/leads"));
    assertForbidden(as(As.MARKETING).body("{}").post("/api/v1/rejection-reasons"));
    assertForbidden(as(As.SALES).body("[]").post("/api/v1/api-keys"));
    assertForbidden(
        as(As.ANALYST)
            .contentType("application/merge-patch+json")
            .header("If-Match", "\"1\"")
            .body("{\"status\": 1}")
            .patch("/api/v1/leads/" + Api.handOff("GENERATED")));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

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

  private static String newCode() {
    return "ROLES_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
  }

  private static String createReason() {
    String code = newCode();
    as(As.ADMIN)
        .body(Map.of("code", code, "label", "Roles test", "accountable", "SALES"))
        .post("/api/v1/rejection-reasons")
        .then()
        .statusCode(201);
    return code;
  }

  private static void assertReasonActive(String code, boolean active) {
    List<Map<String, Object>> reasons =
        as(As.ADMIN).get("/api/v1/rejection-reasons").jsonPath().getList("data");
    Map<String, Object> reason =
        reasons.stream().filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow();
    assertEquals(active, reason.get("active"), "reason " + code);
  }

  private static void assertForbidden(Response response) {
    assertEquals(403, response.statusCode(), () -> "expected 403, got: " + response.asString());
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("type", equalTo("urn:baton:problem:forbidden"))
        .body("status", equalTo(403))
        .body("title", notNullValue())
        .body("detail", notNullValue());
  }
}
