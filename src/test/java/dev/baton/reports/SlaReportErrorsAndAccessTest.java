package dev.baton.reports;

import static dev.baton.reports.SlaReportPlays.DEFAULT_POLICY;
import static dev.baton.reports.SlaReportPlays.POLICY;
import static dev.baton.reports.SlaReportPlays.SLA;
import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/sla refusing bad parameters and anonymous callers; the policy set by admins only. */
@QuarkusTest
class SlaReportErrorsAndAccessTest {

  @Test
  void badPeriodsAreRefusedNamingTheField() {
    for (Map<String, String> bad :
        List.of(
            Map.of("from", "2026-02-30"),
            Map.of("from", "last week", "to", "2026-08-01"),
            Map.of("from", "2026-07-01T00:00:00+25:00", "to", "2026-08-01"))) {
      as(As.ANALYST)
          .queryParams(bad)
          .get(SLA)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("from"));
    }
    as(As.ANALYST)
        .queryParam("to", "2026-08-01Z")
        .get(SLA)
        .then()
        .statusCode(400)
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo("to"));
    for (Map<String, String> reversed :
        List.of(
            Map.of("from", "2026-08-01", "to", "2026-07-01"),
            Map.of("from", "2026-07-01T10:00:00Z", "to", "2026-07-01T10:00:00Z"))) {
      as(As.ANALYST)
          .queryParams(reversed)
          .get(SLA)
          .then()
          .statusCode(400)
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("from"))
          .body("errors[0].message", equalTo("must be before to"));
    }
    as(As.ANALYST)
        .queryParam("from", "x")
        .queryParam("to", "y")
        .get(SLA)
        .then()
        .statusCode(400)
        .body("errors.size()", equalTo(2))
        .body("errors.field", hasItem("from"))
        .body("errors.field", hasItem("to"));
  }

  @Test
  void aSegmentThatCannotBeStoredIsRefusedNamingIt() {
    as(As.ANALYST)
        .urlEncodingEnabled(false)
        .queryParam("segment", "a%00b")
        .get(SLA)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].field", equalTo("segment"));
  }

  @Test
  void everyRoleReadsTheReportAndAnonymousCallersAreUnauthorized() {
    for (As role : As.values()) {
      as(role)
          .queryParam("from", "2026-07-01")
          .queryParam("to", "2026-07-02")
          .get(SLA)
          .then()
          .statusCode(200)
          .body("from", equalTo("2026-07-01T00:00:00Z"));
    }
    given()
        .queryParam("from", "2026-07-01")
        .get(SLA)
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:unauthorized"))
        .body("status", equalTo(401));
  }

  @Test
  void onlyAnAdminReplacesThePolicy() {
    for (As role : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      as(role)
          .body(DEFAULT_POLICY)
          .put(POLICY)
          .then()
          .statusCode(403)
          .body("type", equalTo("urn:baton:problem:forbidden"));
    }
  }
}
