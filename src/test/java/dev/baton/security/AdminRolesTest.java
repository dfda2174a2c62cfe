package dev.baton.security;

import static dev.baton.security.Forbidden.assertForbidden;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every role reads the rejection-reason catalog; only an admin adds, deactivates or reactivates a
 * reason, and manages API keys. Any other role gets a 403 problem that changes nothing.
 */
@QuarkusTest
class AdminRolesTest {

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
}
