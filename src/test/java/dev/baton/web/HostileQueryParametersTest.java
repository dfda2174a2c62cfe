package dev.baton.web;

import static dev.baton.testing.Api.as;
import static dev.baton.web.RawLeads.assertValidationProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Query parameters out of range or format on the lists are refused with one 400 naming every
 * offending parameter, never 500; the bounds themselves are accepted.
 */
@QuarkusTest
class HostileQueryParametersTest {

  @ParameterizedTest(name = "?{0}={1}")
  @CsvSource({
    "limit, 0",
    "limit, abc",
    "limit, 201",
    "limit, -1",
    "limit, 1.5",
    "limit, 99999999999999999999",
    "status, NOPE",
    "status, generated",
    "updatedSince, yesterday",
    "updatedSince, 2026-01-31",
    "updatedSince, 2026-01-31T09:30:00",
    "cursor, garbage",
    "cursor, !!!",
    "cursor, MTIzOjQ1Njpub3QtYS11dWlk",
  })
  void badQueryParameterIsRefusedNamingIt(String name, String value) {
    Response response = as(As.ANALYST).queryParam(name, value).get("/api/v1/leads");
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of(name)));
  }

  @Test
  void severalBadQueryParametersAreReportedTogether() {
    Response response =
        as(As.ANALYST)
            .queryParam("limit", "0")
            .queryParam("status", "NOPE")
            .queryParam("updatedSince", "yesterday")
            .queryParam("cursor", "garbage")
            .get("/api/v1/leads");
    assertValidationProblem(response);
    response
        .then()
        .body("errors.field", containsInAnyOrder("limit", "status", "updatedSince", "cursor"));
  }

  @Test
  void limitBoundsAreAccepted() {
    as(As.ANALYST).queryParam("limit", 1).get("/api/v1/leads").then().statusCode(200);
    as(As.ANALYST)
        .queryParam("limit", 200)
        .get("/api/v1/leads")
        .then()
        .statusCode(200)
        .body("data", notNullValue());
  }

  @Test
  void updatedSinceFarInTheFutureIsNotAServerError() {
    Response response =
        as(As.ANALYST).queryParam("updatedSince", "+300000-01-01T00:00:00Z").get("/api/v1/leads");
    assertTrue(
        response.statusCode() == 200 || response.statusCode() == 400,
        () -> response.statusCode() + " " + response.asString());
    if (response.statusCode() == 400) {
      assertValidationProblem(response);
      response.then().body("errors.field", equalTo(List.of("updatedSince")));
    } else {
      response.then().body("data", hasSize(0));
    }
  }

  @Test
  void badApiKeyListParametersAreReportedTogether() {
    Response response =
        as(As.ADMIN)
            .queryParam("limit", "abc")
            .queryParam("cursor", "garbage")
            .get("/api/v1/api-keys");
    assertValidationProblem(response);
    response.then().body("errors.field", containsInAnyOrder("limit", "cursor"));
  }

  @Test
  void badRejectionReasonFilterIsRefusedNamingIt() {
    Response response =
        as(As.ANALYST).queryParam("active", "maybe").get("/api/v1/rejection-reasons");
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("active")));
  }
}
