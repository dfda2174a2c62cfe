package dev.baton.web;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No body ever produces a 500: nesting 100 000 deep, numbers no type holds, NaN, nulls everywhere,
 * top-level arrays, comments, duplicate keys, invalid UTF-8 — on a handoff and on every other
 * endpoint that reads a body, the answer is a 400 problem.
 */
@QuarkusTest
class HostileBodiesTest {

  private static final String PROBLEM_JSON = "application/problem+json";

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
}
