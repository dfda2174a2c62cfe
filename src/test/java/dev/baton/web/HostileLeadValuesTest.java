package dev.baton.web;

import static dev.baton.testing.Api.as;
import static dev.baton.web.RawLeads.assertValidationProblem;
import static dev.baton.web.RawLeads.leadJson;
import static dev.baton.web.RawLeads.postLead;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values out of their range or format — scores, statuses, emails, countries, timestamps, amounts
 * and currencies, on a handoff, a qualification or a conversion — are refused with a 400 naming the
 * field, and change nothing; valid ones are kept as sent.
 */
@QuarkusTest
class HostileLeadValuesTest {

  // ---------------------------------------------------------------------------------------------
  // Handoff and qualification
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "score {0}")
  @ValueSource(
      strings = {
        "\"high\"",
        "\"50\"",
        "101",
        "-1",
        "99999999999999",
        "99999999999999999999999999999999999999",
        "50.5",
        "1e2",
        "true",
        "{}",
        "[50]"
      })
  void badScoreIsRefusedNamingTheScore(String score) {
    Response response = postLead(leadJson("\"score\": " + score));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("score")));
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(strings = {"\"NOPE\"", "\"generated\"", "\"CONVERTED\"", "\"\"", "0", "[]"})
  void unknownInitialStatusIsRefusedNamingTheStatus(String status) {
    Response response = postLead(leadJson("\"status\": " + status));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("status")));
  }

  @ParameterizedTest(name = "email {0}")
  @ValueSource(
      strings = {"not-an-email", "a@b", "@example.com", "ada@", "ada @example.com", "ada@@x.com"})
  void invalidEmailIsRefusedNamingTheField(String email) {
    String body =
        "{\"contact\": {\"email\": \"" + email + "\"}, \"attribution\": {\"source\": \"x\"}}";
    Response response = postLead(body);
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("contact.email")));
  }

  @ParameterizedTest(name = "country {0}")
  @ValueSource(strings = {"XX", "fr", "FRA", "F", "ZZ"})
  void invalidCountryIsRefusedNamingTheField(String country) {
    Response response =
        postLead(leadJson("\"company\": {\"name\": \"Acme\", \"country\": \"" + country + "\"}"));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("company.country")));
  }

  @Test
  void validCountryIsAccepted() {
    Response response = postLead(leadJson("\"company\": {\"country\": \"JP\"}"));
    assertEquals(201, response.statusCode(), response.asString());
    response.then().body("company.country", equalTo("JP"));
  }

  @Test
  void numericTimestampIsRefusedNamingTheField() {
    // Timestamps are RFC 3339 strings; a number is a wrong type, not epoch seconds.
    Response response =
        postLead(leadJson("\"consent\": {\"granted\": true, \"capturedAt\": 1767225600}"));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("consent.capturedAt")));
  }

  @Test
  void timestampBeyondWhatCanBeStoredIsRefusedNamingTheField() {
    Response response =
        postLead(
            leadJson(
                "\"consent\": {\"granted\": true, \"capturedAt\": \"+300000-01-01T00:00:00Z\"}"));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("consent.capturedAt")));
  }

  @Test
  void timestampWithAnOffsetIsAnsweredInUtc() {
    Response response =
        postLead(
            leadJson(
                "\"consent\": {\"granted\": true, \"capturedAt\": \"2026-01-31T11:30:00+02:00\"}"));
    assertEquals(201, response.statusCode(), response.asString());
    response.then().body("consent.capturedAt", equalTo("2026-01-31T09:30:00Z"));
  }

  @Test
  void qualifyScoreOutOfRangeIsRefusedNamingTheScore() {
    String id = Api.handOff("GENERATED");
    Response response =
        as(As.MARKETING)
            .body("{\"score\": 101, \"note\": \"hot\", \"extra\": 1}")
            .post("/api/v1/leads/" + id + "/qualify");
    assertValidationProblem(response);
    response.then().body("errors.field", containsInAnyOrder("score", "extra"));
    as(As.ANALYST).get("/api/v1/leads/" + id).then().body("status", equalTo("GENERATED"));
  }

  // ---------------------------------------------------------------------------------------------
  // Conversion: amounts and currencies
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "currency EURO | {\"amount\": 1000, \"currency\": \"EURO\"} | currency",
        "lower-case currency | {\"amount\": 1000, \"currency\": \"eur\"} | currency",
        "unknown currency | {\"amount\": 1000, \"currency\": \"ABC\"} | currency",
        "number for a currency | {\"amount\": 1000, \"currency\": 978} | currency",
        "negative amount | {\"amount\": -5, \"currency\": \"EUR\"} | amount",
        "string amount | {\"amount\": \"1000\", \"currency\": \"EUR\"} | amount",
        "too many decimals | {\"amount\": 10.123456, \"currency\": \"EUR\"} | amount",
        "huge amount | {\"amount\": 1e30, \"currency\": \"EUR\"} | amount",
        "amount without currency | {\"amount\": 1000} | currency",
        "currency without amount | {\"currency\": \"EUR\"} | amount",
      })
  void badConversionIsRefusedNamingTheField(String what, String body, String field) {
    String id = acceptedLead();
    Response response = as(As.SALES).body(body).post("/api/v1/leads/" + id + "/convert");
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of(field)));
    as(As.ANALYST).get("/api/v1/leads/" + id).then().body("status", equalTo("ACCEPTED"));
  }

  @Test
  void invalidCurrencyAndNegativeAmountAreReportedTogether() {
    String id = acceptedLead();
    Response response =
        as(As.SALES)
            .body("{\"amount\": -5, \"currency\": \"EURO\"}")
            .post("/api/v1/leads/" + id + "/convert");
    assertValidationProblem(response);
    response.then().body("errors.field", containsInAnyOrder("amount", "currency"));
  }

  @Test
  void validConversionKeepsTheAmountAndCurrency() {
    String id = acceptedLead();
    as(As.SALES)
        .body("{\"opportunityRef\": \"006Dn\", \"amount\": 12000.50, \"currency\": \"JPY\"}")
        .post("/api/v1/leads/" + id + "/convert")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONVERTED"))
        .body("conversion.currency", equalTo("JPY"))
        .body("conversion.amount", equalTo(12000.50f));
  }

  private static String acceptedLead() {
    String id = Api.handOff("GENERATED");
    as(As.MARKETING)
        .body(Map.of("score", 80))
        .post("/api/v1/leads/" + id + "/qualify")
        .then()
        .statusCode(200);
    as(As.SALES)
        .body(Map.of("owner", "jane.doe@acme.com"))
        .post("/api/v1/leads/" + id + "/accept")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));
    return id;
  }
}
