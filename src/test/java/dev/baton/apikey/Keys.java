package dev.baton.apikey;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.security.Role;
import dev.baton.testing.Api.As;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** API keys made by the admin for a test, and the problems key tests expect. */
final class Keys {

  static final String KEYS = "/api/v1/api-keys";
  private static final String PROBLEM_JSON = "application/problem+json";

  private Keys() {}

  static Response createKey(String name, Role role) {
    Response created =
        as(As.ADMIN)
            .body(Map.of("name", name + "-" + UUID.randomUUID(), "role", role.name()))
            .post(KEYS);
    assertEquals(201, created.statusCode(), created.asString());
    return created;
  }

  static void assertUnauthorized(Response response) {
    assertProblem(response, 401, "unauthorized");
    String challenge = response.header("WWW-Authenticate");
    assertNotNull(challenge, "401 must carry WWW-Authenticate");
    assertTrue(challenge.startsWith("Bearer"), "WWW-Authenticate: " + challenge);
  }

  static void assertProblem(Response response, int status, String slug) {
    assertEquals(status, response.statusCode(), () -> "body: " + response.asString());
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("type", equalTo("urn:baton:problem:" + slug))
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("detail", notNullValue());
    assertFalse(
        response.asString().contains("Exception"), "no exception names: " + response.asString());
  }
}
