package dev.baton.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * Assertions on RFC 9457 problem+json answers, shared by the problem tests: the status, the type,
 * every member, and nothing of Baton's internals.
 */
final class Problems {

  static final String PROBLEM_JSON = "application/problem+json";

  /** What must never reach a client: stack frames, exception classes, framework packages, SQL. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|Error:|\\tat |\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|javax\\.|io\\.quarkus"
              + "|io\\.vertx|io\\.netty|org\\.jboss|org\\.hibernate|org\\.postgresql|com\\.fasterxml"
              + "|dev\\.baton|SQLState|PSQL|SELECT |INSERT |Caused by");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /** Asserts a problem+json answer of that status and type, free of internals. */
  static void assertProblem(Response response, int status, String slug) {
    assertEquals(status, response.statusCode(), () -> "body: " + response.asString());
    assertProblemShape(response, status);
    response.then().body("type", equalTo("urn:baton:problem:" + slug));
  }

  static void assertProblemShape(Response response, int status) {
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("type", startsWith("urn:baton:problem:"));
    assertNoInternals(response.asString());
  }

  static void assertRawProblem(HttpResponse<String> response, int status, String slug)
      throws Exception {
    assertEquals(status, response.statusCode(), () -> "body: " + response.body());
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(contentType.startsWith(PROBLEM_JSON), "Content-Type was " + contentType);
    JsonNode problem = JSON.readTree(response.body());
    assertEquals("urn:baton:problem:" + slug, problem.path("type").asText());
    assertEquals(status, problem.path("status").asInt());
    assertFalse(problem.path("title").asText().isEmpty());
    assertFalse(problem.path("detail").asText().isEmpty());
    assertNoInternals(response.body());
  }

  static void assertNoInternals(String body) {
    assertFalse(
        INTERNALS.matcher(body).find(), "a problem must not leak internals, but was: " + body);
  }
}
