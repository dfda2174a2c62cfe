package dev.baton.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;

/** The answer to a role calling what it may not: a 403 problem, shared by the role tests. */
final class Forbidden {

  static final String PROBLEM_JSON = "application/problem+json";

  private Forbidden() {}

  static void assertForbidden(Response response) {
    assertEquals(403, response.statusCode(), () -> "expected 403, got: " + response.asString());
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("type", equalTo("urn:baton:problem:forbidden"))
        .body("status", equalTo(403))
        .body("title", notNullValue())
        .body("detail", notNullValue());
  }
}
