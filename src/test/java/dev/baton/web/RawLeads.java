package dev.baton.web;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Leads posted as raw UTF-8 bytes, so that no client library re-encodes the text, and the
 * validation problem that refuses them: what the Hostile*Test classes share.
 */
final class RawLeads {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String VALIDATION = "urn:baton:problem:validation-error";

  private RawLeads() {}

  /** Posts a lead as raw UTF-8 bytes, so that no client library re-encodes the text. */
  static Response postLead(String json) {
    return as(As.MARKETING)
        .contentType("application/json")
        .body(json.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/leads");
  }

  /** A valid lead with extra top-level members. */
  static String leadJson(String extra) {
    return "{\"contact\": {\"email\": \""
        + uniqueEmail()
        + "\"}, \"attribution\": {\"source\": \"webinar\"}, "
        + extra
        + "}";
  }

  static String uniqueEmail() {
    return "lead-" + UUID.randomUUID() + "@example.com";
  }

  static void assertValidationProblem(Response response) {
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
}
