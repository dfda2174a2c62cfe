package dev.baton.reports;

import static dev.baton.reports.FunnelMetricsPlays.FUNNEL;
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

/** GET /api/v1/funnel refusing bad parameters and anonymous callers, and open to every role. */
@QuarkusTest
class FunnelErrorsAndAccessTest {

  @Test
  void anUnknownGroupByIsRefusedNamingTheFieldAndTheAllowedValues() {
    as(As.ANALYST)
        .queryParam("groupBy", "medium")
        .get(FUNNEL)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("status", equalTo(400))
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo("groupBy"))
        .body(
            "errors[0].message",
            equalTo(
                "must be one of source, campaign, segment, owner, content, assignee, queue, week, month"));
    // Values are case-sensitive, as on the wire.
    as(As.ANALYST)
        .queryParam("groupBy", "SOURCE")
        .get(FUNNEL)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("groupBy"));
  }

  @Test
  void badDatesAreRefusedNamingEachField() {
    for (String bad :
        List.of("2026-13-01", "01/07/2026", "2026-07-01T00:00:00", "yesterday", "2026-7-1")) {
      as(As.ANALYST)
          .queryParam("from", bad)
          .queryParam("to", "2026-08-01")
          .get(FUNNEL)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("from"))
          .body(
              "errors[0].message", equalTo("must be a date (2026-07-01) or an RFC 3339 date-time"));
      as(As.ANALYST)
          .queryParam("to", bad)
          .get(FUNNEL)
          .then()
          .statusCode(400)
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("to"));
    }
    // Every bad parameter at once.
    as(As.ANALYST)
        .queryParam("from", "x")
        .queryParam("to", "y")
        .queryParam("groupBy", "z")
        .get(FUNNEL)
        .then()
        .statusCode(400)
        .body("errors.size()", equalTo(3))
        .body("errors.field", hasItem("from"))
        .body("errors.field", hasItem("to"))
        .body("errors.field", hasItem("groupBy"));
  }

  @Test
  void fromNotBeforeToIsRefusedNamingFrom() {
    for (Map<String, String> bounds :
        List.of(
            Map.of("from", "2026-07-02", "to", "2026-07-01"),
            Map.of("from", "2026-07-01", "to", "2026-07-01"),
            Map.of("from", "2026-07-01T02:00:00+02:00", "to", "2026-07-01T00:00:00Z"),
            // Without to, to is now.
            Map.of("from", "2999-01-01"))) {
      as(As.ANALYST)
          .queryParams(bounds)
          .get(FUNNEL)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("from"))
          .body("errors[0].message", equalTo("must be before to"));
    }
  }

  @Test
  void everyRoleReadsTheFunnelAndAnonymousCallersAreUnauthorized() {
    for (As role : As.values()) {
      as(role)
          .queryParam("from", "2026-07-01")
          .queryParam("to", "2026-07-02")
          .queryParam("groupBy", "owner")
          .get(FUNNEL)
          .then()
          .statusCode(200)
          .body("groupBy", equalTo("owner"));
    }
    given()
        .get(FUNNEL)
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:unauthorized"))
        .body("status", equalTo(401));
    given()
        .auth()
        .oauth2("not-a-key")
        .get(FUNNEL)
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:baton:problem:unauthorized"));
  }
}
