package dev.baton.security;

import static dev.baton.security.Forbidden.assertForbidden;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every role against the lead endpoints: who hands off, reads and patches. A forbidden call is a
 * 403 problem that changes nothing, and is refused before its body is read.
 */
@QuarkusTest
class LeadRolesTest {

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
}
