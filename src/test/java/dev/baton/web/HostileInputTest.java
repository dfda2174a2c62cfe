package dev.baton.web;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a client sends, the answer is precise: a 400 naming every offending field, never 500.
 */
@QuarkusTest
class HostileInputTest {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String VALIDATION = "urn:baton:problem:validation-error";

  // Non-ASCII text is written with escapes so that the source compiles the same in any locale.
  private static final String EMOJI = "\uD83D\uDE00"; // grinning face, outside the BMP
  private static final String ARABIC = "\u0645\u0631\u062D\u0628\u0627"; // marhaba
  private static final String JAPANESE = "\u65E5\u672C\u8A9E"; // nihongo
  private static final String TOKYO = "\u6771\u4EAC\u90FD"; // Tokyo-to
  private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDCBB"; // woman technologist (ZWJ)

  // ---------------------------------------------------------------------------------------------
  // Many problems at once
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyOffendingFieldIsListedInOneResponse() {
    String body =
        """
        {
          "contact": {
            "email": "not-an-email",
            "firstName": 42,
            "lastName": {"nested": true},
            "jobTitle": "CEO\\u0000",
            "nickname": "Ada"
          },
          "company": {"name": "Acme", "country": "XX", "employees": 12},
          "attribution": {"source": "webinar"},
          "status": "WON",
          "score": 101,
          "consent": {"granted": "yes"},
          "favouriteColour": "blue",
          "attributes": {"anything": {"goes": [1, "two", null, {"deep": {"er": true}}]}, "crmId": 7}
        }
        """;
    Response response = postLead(body);
    assertValidationProblem(response);
    response
        .then()
        .body(
            "errors.field",
            containsInAnyOrder(
                "contact.email",
                "contact.firstName",
                "contact.lastName",
                "contact.jobTitle",
                "contact.nickname",
                "company.country",
                "company.employees",
                "status",
                "score",
                "consent.granted",
                "favouriteColour"))
        .body("errors.message", everyItem(notNullValue()));
  }

  @Test
  void unknownPropertyIsRefusedNamingTheField() {
    Response response = postLead(leadJson("\"favouriteColour\": \"blue\""));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("favouriteColour")));
  }

  @Test
  void unknownNestedPropertyIsRefusedNamingItsPath() {
    String body =
        "{\"contact\": {\"email\": \""
            + uniqueEmail()
            + "\", \"twitter\": \"@ada\"}, \"attribution\": {\"source\": \"x\", \"channel\": 1}}";
    Response response = postLead(body);
    assertValidationProblem(response);
    response
        .then()
        .body("errors.field", containsInAnyOrder("contact.twitter", "attribution.channel"));
  }

  @Test
  void attributesMayHoldAnyUnknownKeys() {
    String body =
        leadJson(
            """
            "attributes": {
              "favouriteColour": "blue",
              "status": "anything",
              "nested": {"unknown": {"deeper": [1, 2.5, true, null, "x"]}},
              "contact": {"email": "not-validated-here"}
            }""");
    Response response = postLead(body);
    assertEquals(201, response.statusCode(), response.asString());
    response
        .then()
        .body("attributes.favouriteColour", equalTo("blue"))
        .body("attributes.status", equalTo("anything"))
        .body("attributes.nested.unknown.deeper[1]", equalTo(2.5f))
        .body("attributes.contact.email", equalTo("not-validated-here"));
  }

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

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "number for a string | {\"contact\": {\"email\": \"%s\", \"firstName\": 42}} | contact.firstName",
        "object for a string | {\"contact\": {\"email\": \"%s\", \"lastName\": {\"a\": 1}}} | contact.lastName",
        "array for a string | {\"contact\": {\"email\": \"%s\", \"phone\": [\"1\"]}} | contact.phone",
        "boolean for a string | {\"contact\": {\"email\": \"%s\", \"jobTitle\": true}} | contact.jobTitle",
        "string for a boolean | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": \"yes\"}} | consent.granted",
        "number for a boolean | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": 1}} | consent.granted",
        "text for a timestamp | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": true, \"capturedAt\": \"yesterday\"}} | consent.capturedAt",
        "timestamp without offset | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": true, \"capturedAt\": \"2026-01-31T09:30:00\"}} | consent.capturedAt",
        "string for an object | {\"contact\": {\"email\": \"%s\"}, \"company\": \"Acme\"} | company",
        "array for an object | {\"contact\": {\"email\": \"%s\"}, \"company\": [{\"name\": \"Acme\"}]} | company",
        "array for attributes | {\"contact\": {\"email\": \"%s\"}, \"attributes\": [1, 2]} | attributes",
        "string for attributes | {\"contact\": {\"email\": \"%s\"}, \"attributes\": \"x\"} | attributes",
        "NUL in a string | {\"contact\": {\"email\": \"%s\", \"firstName\": \"A\\u0000da\"}} | contact.firstName",
        "NUL in an attribute | {\"contact\": {\"email\": \"%s\"}, \"attributes\": {\"k\": \"v\\u0000\"}} | attributes.k",
        "NUL in a segment | {\"contact\": {\"email\": \"%s\"}, \"segment\": \"\\u0000\"} | segment",
        "blank email | {\"contact\": {\"email\": \"  \"}} | contact.email",
        "missing contact | {\"segment\": \"%s\"} | contact",
      })
  void wrongValueIsRefusedNamingTheField(String what, String fields, String field) {
    // Every case gets a valid attribution unless it is the one under test.
    String body = fields.formatted(uniqueEmail());
    if (!body.contains("\"attribution\"")) {
      body = body.substring(0, body.length() - 1) + ", \"attribution\": {\"source\": \"x\"}}";
    }
    Response response = postLead(body);
    assertValidationProblem(response);
    response.then().body("errors.field", hasItem(field));
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
  void tooManyAttributesAreRefusedNamingAttributes() {
    StringBuilder attributes = new StringBuilder("\"attributes\": {");
    for (int i = 0; i <= 100; i++) {
      attributes.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": ").append(i);
    }
    Response response = postLead(leadJson(attributes.append('}').toString()));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("attributes")));
  }

  @Test
  void overlongTextIsRefusedNamingTheField() {
    Response response =
        postLead(
            "{\"contact\": {\"email\": \""
                + uniqueEmail()
                + "\", \"firstName\": \""
                + "a".repeat(101)
                + "\"}, \"attribution\": {\"source\": \""
                + "s".repeat(101)
                + "\"}}");
    assertValidationProblem(response);
    response
        .then()
        .body("errors.field", containsInAnyOrder("contact.firstName", "attribution.source"));
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

  // ---------------------------------------------------------------------------------------------
  // Unicode
  // ---------------------------------------------------------------------------------------------

  @Test
  void unicodeRoundTripsExactly() {
    String firstName = "Ada " + EMOJI + " " + ARABIC + " " + JAPANESE;
    String lastName = "\u0141ukasiewicz-\u00D1\u00FA\u00F1ez";
    String body =
        "{\"contact\": {\"email\": \""
            + uniqueEmail()
            + "\", \"firstName\": \""
            + firstName
            + "\", \"lastName\": \""
            + lastName
            + "\"}, \"attribution\": {\"source\": \"webinar\"}, \"attributes\": {\"emoji\": \""
            + EMOJI
            + FAMILY
            + "\", \"arabic\": \""
            + ARABIC
            + " \u0628\u0627\u0644\u0639\u0627\u0644\u0645\", \""
            + JAPANESE
            + "\": \""
            + TOKYO
            + "\"}}";
    Response created = postLead(body);
    assertEquals(201, created.statusCode(), created.asString());
    assertUnicodeLead(created, firstName, lastName);

    String id = created.path("id");
    Response read = as(As.ANALYST).get("/api/v1/leads/" + id);
    assertEquals(200, read.statusCode());
    assertUnicodeLead(read, firstName, lastName);
  }

  @Test
  void escapedUnicodeIsStoredAsTheCharacters() {
    // The same text, sent as JSON \\u escapes (a surrogate pair for the emoji).
    String body = leadJson("\"segment\": \"\\ud83d\\ude00 \\u65e5\\u672c\\u8a9e\"");
    Response created = postLead(body);
    assertEquals(201, created.statusCode(), created.asString());
    String raw = new String(created.asByteArray(), StandardCharsets.UTF_8);
    assertTrue(raw.contains("\"" + EMOJI + " " + JAPANESE + "\""), raw);
    Response read = as(As.ANALYST).get("/api/v1/leads/" + created.path("id"));
    assertEquals(EMOJI + " " + JAPANESE, read.path("segment"));
  }

  @Test
  void unicodeRoundTripsInLists() {
    String email = "lead-" + UUID.randomUUID() + "@example.com";
    String body =
        "{\"contact\": {\"email\": \""
            + email
            + "\", \"firstName\": \""
            + JAPANESE
            + "\"}, \"attribution\": {\"source\": \""
            + ARABIC
            + "\"}}";
    assertEquals(201, postLead(body).statusCode());
    Response list = as(As.ANALYST).body(Map.of("email", email)).post("/api/v1/leads/search");
    assertEquals(200, list.statusCode(), list.asString());
    String raw = new String(list.asByteArray(), StandardCharsets.UTF_8);
    assertTrue(raw.contains("\"firstName\":\"" + JAPANESE + "\""), raw);
    assertTrue(raw.contains("\"source\":\"" + ARABIC + "\""), raw);
  }

  @Test
  void loneSurrogateIsRefusedNamingTheField() {
    // A high surrogate escape alone is not a character: it cannot be stored or answered as UTF-8.
    Response response =
        postLead(
            "{\"contact\": {\"email\": \""
                + uniqueEmail()
                + "\", \"firstName\": \"A\\ud800da\"}, \"attribution\": {\"source\": \"x\"}}");
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("contact.firstName")));
  }

  // ---------------------------------------------------------------------------------------------
  // Query parameters
  // ---------------------------------------------------------------------------------------------

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

  // ---------------------------------------------------------------------------------------------
  // No input ever produces a 500
  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> hostileLeadBodies() {
    String valid =
        "\"contact\": {\"email\": \"h@example.com\"}, \"attribution\": {\"source\": \"x\"}";
    List<Arguments> bodies = new ArrayList<>();
    bodies.add(body("deeply nested arrays", "[".repeat(100_000) + "]".repeat(100_000)));
    bodies.add(body("deeply nested objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
    bodies.add(
        body(
            "deeply nested attributes",
            "{"
                + valid
                + ", \"attributes\": {\"a\": "
                + "[".repeat(5000)
                + "]".repeat(5000)
                + "}}"));
    bodies.add(body("huge exponent", "{" + valid + ", \"score\": 1e999999999}"));
    bodies.add(body("huge negative exponent", "{" + valid + ", \"score\": 1e-999999999}"));
    bodies.add(body("thousands of digits", "{" + valid + ", \"score\": " + "9".repeat(5000) + "}"));
    bodies.add(body("huge integer", "{" + valid + ", \"score\": 99999999999999999999999999}"));
    bodies.add(body("NaN", "{" + valid + ", \"score\": NaN}"));
    bodies.add(body("Infinity", "{" + valid + ", \"score\": -Infinity}"));
    bodies.add(
        body(
            "null everywhere",
            "{\"contact\": null, \"company\": null, \"attribution\": null, \"segment\": null,"
                + " \"status\": null, \"score\": null, \"qualificationNote\": null,"
                + " \"consent\": null, \"attributes\": null}"));
    bodies.add(
        body(
            "null in every nested field",
            "{\"contact\": {\"email\": null, \"firstName\": null, \"lastName\": null,"
                + " \"phone\": null, \"jobTitle\": null}, \"company\": {\"name\": null,"
                + " \"country\": null}, \"attribution\": {\"source\": null},"
                + " \"consent\": {\"granted\": null}}"));
    bodies.add(body("null document", "null"));
    bodies.add(body("empty object", "{}"));
    bodies.add(
        body(
            "arrays where objects are expected",
            "{\"contact\": [{\"email\": \"h@example.com\"}], \"attribution\": [\"x\"],"
                + " \"company\": [], \"consent\": [true]}"));
    bodies.add(
        body(
            "objects where strings are expected",
            "{\"contact\": {\"email\": {\"address\": \"h@example.com\"}},"
                + " \"attribution\": {\"source\": {\"name\": \"x\"}}}"));
    bodies.add(body("top-level array", "[]"));
    bodies.add(body("top-level array of leads", "[{" + valid + "}]"));
    bodies.add(body("top-level string", "\"a lead\""));
    bodies.add(body("top-level number", "42"));
    bodies.add(body("top-level boolean", "true"));
    bodies.add(body("single quotes", "{'contact': {'email': 'h@example.com'}}"));
    bodies.add(body("comment", "/* lead */ {" + valid + "}"));
    bodies.add(body("unquoted control character", "{" + valid + ", \"segment\": \"a\tb\"}"));
    bodies.add(body("invalid escape", "{" + valid + ", \"segment\": \"\\uZZZZ\"}"));
    bodies.add(
        body("NUL in a property name", "{" + valid + ", \"attributes\": {\"a\\u0000\": 1}}"));
    bodies.add(
        body("NUL in an attribute", "{" + valid + ", \"attributes\": {\"a\": [\"\\u0000\"]}}"));
    bodies.add(body("empty property name", "{" + valid + ", \"\": 1}"));
    bodies.add(body("duplicate key", "{" + valid + ", \"score\": 1, \"score\": 2}"));
    bodies.add(body("status as a number", "{" + valid + ", \"status\": 1}"));
    bodies.add(
        body(
            "very long email",
            "{\"contact\": {\"email\": \""
                + "a".repeat(100_000)
                + "@example.com\"}, \"attribution\": {\"source\": \"x\"}}"));
    bodies.add(
        body(
            "far-future timestamp",
            "{"
                + valid
                + ", \"consent\": {\"granted\": true, \"capturedAt\": \"+999999999-12-31T23:59:59Z\"}}"));
    bodies.add(
        body(
            "far-past timestamp",
            "{"
                + valid
                + ", \"consent\": {\"granted\": true, \"capturedAt\": \"-300000-01-01T00:00:00Z\"}}"));
    bodies.add(body("unterminated string", "{\"contact\": {\"email\": \"h@example.com"));
    bodies.add(
        body(
            "lone surrogate in an attribute",
            "{" + valid + ", \"attributes\": {\"a\": \"\\udc00\"}}"));
    bodies.add(
        Arguments.of(
            Named.of(
                "invalid UTF-8",
                concat(
                    ("{" + valid + ", \"segment\": \"").getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                    "\"}".getBytes(StandardCharsets.US_ASCII)))));
    return bodies.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileLeadBodies")
  void hostileHandOffIsABadRequestProblem(byte[] body) {
    Response response =
        as(As.MARKETING).contentType("application/json").body(body).post("/api/v1/leads");
    assertEquals(400, response.statusCode(), () -> "expected 400, got: " + response.asString());
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("status", equalTo(400))
        .body("type", startsWith("urn:baton:problem:"))
        .body("errors", not(hasSize(0)));
  }

  static Stream<Arguments> hostileBodiesForEveryEndpoint() {
    List<byte[]> bodies =
        List.of(
            ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII),
            "[]".getBytes(StandardCharsets.US_ASCII),
            "\"text\"".getBytes(StandardCharsets.US_ASCII),
            "12".getBytes(StandardCharsets.US_ASCII),
            "{\"x\": 1e999999999}".getBytes(StandardCharsets.US_ASCII),
            ("{\"x\": " + "1".repeat(5000) + "}").getBytes(StandardCharsets.US_ASCII),
            "{\"x\": NaN}".getBytes(StandardCharsets.US_ASCII),
            "{\"a\": 1} {\"a\": 1}".getBytes(StandardCharsets.US_ASCII),
            new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
    List<String> endpoints =
        List.of("api-keys", "rejection-reasons", "accept", "reject", "patch", "qualify", "batch");
    List<Arguments> cases = new ArrayList<>();
    for (String endpoint : endpoints) {
      for (int i = 0; i < bodies.size(); i++) {
        cases.add(Arguments.of(endpoint, Named.of("body " + i, bodies.get(i))));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("hostileBodiesForEveryEndpoint")
  void hostileBodyOnAnyEndpointIsABadRequestProblem(String endpoint, byte[] body) {
    Response response =
        switch (endpoint) {
          case "api-keys" -> json(As.ADMIN, body).post("/api/v1/api-keys");
          case "rejection-reasons" -> json(As.ADMIN, body).post("/api/v1/rejection-reasons");
          case "batch" -> json(As.MARKETING, body).post("/api/v1/leads/batch");
          case "accept" ->
              json(As.SALES, body).post("/api/v1/leads/" + Api.handOff("QUALIFIED") + "/accept");
          case "reject" ->
              json(As.SALES, body).post("/api/v1/leads/" + Api.handOff("QUALIFIED") + "/reject");
          case "qualify" ->
              json(As.MARKETING, body)
                  .post("/api/v1/leads/" + Api.handOff("GENERATED") + "/qualify");
          case "patch" ->
              json(As.MARKETING, body)
                  .contentType("application/merge-patch+json")
                  .header("If-Match", "\"1\"")
                  .patch("/api/v1/leads/" + Api.handOff("GENERATED"));
          default -> throw new IllegalArgumentException(endpoint);
        };
    assertEquals(400, response.statusCode(), () -> "expected 400, got: " + response.asString());
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("status", equalTo(400))
        .body("type", startsWith("urn:baton:problem:"));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static Arguments body(String name, String json) {
    return Arguments.of(Named.of(name, json.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static RequestSpecification json(As role, byte[] body) {
    return as(role).contentType("application/json").body(body);
  }

  /** Posts a lead as raw UTF-8 bytes, so that no client library re-encodes the text. */
  private static Response postLead(String json) {
    return as(As.MARKETING)
        .contentType("application/json")
        .body(json.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/leads");
  }

  /** A valid lead with extra top-level members. */
  private static String leadJson(String extra) {
    return "{\"contact\": {\"email\": \""
        + uniqueEmail()
        + "\"}, \"attribution\": {\"source\": \"webinar\"}, "
        + extra
        + "}";
  }

  private static String uniqueEmail() {
    return "lead-" + UUID.randomUUID() + "@example.com";
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

  private static void assertValidationProblem(Response response) {
    assertEquals(400, response.statusCode(), () -> "expected 400, got: " + response.asString());
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("type", equalTo(VALIDATION))
        .body("status", equalTo(400))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("errors", not(hasSize(0)));
  }

  private static void assertUnicodeLead(Response response, String firstName, String lastName) {
    String raw = new String(response.asByteArray(), StandardCharsets.UTF_8);
    // Not escaped, not mangled: the very characters, as UTF-8 bytes.
    assertTrue(raw.contains("\"firstName\":\"" + firstName + "\""), raw);
    assertTrue(raw.contains("\"lastName\":\"" + lastName + "\""), raw);
    assertTrue(raw.contains("\"emoji\":\"" + EMOJI + FAMILY + "\""), raw);
    assertTrue(raw.contains("\"" + JAPANESE + "\":\"" + TOKYO + "\""), raw);
    assertTrue(raw.contains(ARABIC + " \u0628\u0627\u0644\u0639\u0627\u0644\u0645"), raw);
    assertEquals(firstName, response.jsonPath().getString("contact.firstName"));
    Map<String, Object> attributes = response.jsonPath().getMap("attributes");
    assertEquals(TOKYO, attributes.get(JAPANESE));
    assertEquals(EMOJI + FAMILY, attributes.get("emoji"));
  }
}
