package dev.baton.apikey;

import static dev.baton.apikey.Keys.KEYS;
import static dev.baton.apikey.Keys.assertUnauthorized;
import static dev.baton.apikey.Keys.createKey;
import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.security.Role;
import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bearer API keys: who may call at all. No key, an unknown or malformed one, or a revoked one is a
 * 401 problem with a Bearer challenge, on every kind of endpoint and before the body is read.
 */
@QuarkusTest
class AuthenticationTest {

  // ---------------------------------------------------------------------------------------------
  // 401
  // ---------------------------------------------------------------------------------------------

  /** Authorization headers that identify nobody; null means no header at all. */
  static Stream<String> badCredentials() {
    return Stream.of(
        null,
        "Bearer bk_unknown-" + UUID.randomUUID(),
        "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-key".getBytes()),
        "Bearer",
        "Bearer ",
        "Bearer    ",
        "test-admin-key",
        "Token test-admin-key",
        "Bearer test-admin-key-but-longer");
  }

  static Stream<Arguments> badCredentialsOnEveryKindOfEndpoint() {
    List<String> endpoints =
        List.of(
            "GET /api/v1/leads",
            "POST /api/v1/leads",
            "GET /api/v1/leads/" + UUID.randomUUID(),
            "POST /api/v1/leads/" + UUID.randomUUID() + "/qualify",
            "GET /api/v1/rejection-reasons",
            "POST /api/v1/rejection-reasons",
            "GET /api/v1/api-keys",
            "POST /api/v1/api-keys");
    List<Arguments> cases = new ArrayList<>();
    badCredentials().forEach(c -> endpoints.forEach(e -> cases.add(Arguments.of(c, e))));
    return cases.stream();
  }

  @ParameterizedTest(name = "[{0}] on {1}")
  @MethodSource("badCredentialsOnEveryKindOfEndpoint")
  void callerWithoutAValidKeyIsUnauthorizedWithABearerChallenge(
      String authorization, String endpoint) {
    RequestSpecification request = given().contentType(ContentType.JSON);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    String[] parts = endpoint.split(" ", 2);
    if (parts[0].equals("POST")) {
      request.body("{}");
    }
    Response response = request.request(parts[0], parts[1]);
    assertUnauthorized(response);
  }

  @Test
  void unauthenticatedCallerGets401EvenWithAMalformedBody() {
    Response response =
        given().contentType(ContentType.JSON).body("{not json").post("/api/v1/leads");
    assertUnauthorized(response);
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    given()
        .header("Authorization", "bearer " + Api.key(As.ANALYST))
        .get("/api/v1/leads")
        .then()
        .statusCode(200);
  }

  // ---------------------------------------------------------------------------------------------
  // Revoking keys
  // ---------------------------------------------------------------------------------------------

  @Test
  void revokedKeyIsRefusedOnTheVeryNextRequest() {
    Response created = createKey("to-revoke", Role.MARKETING);
    String id = created.path("id");
    String key = created.path("key");
    given().auth().oauth2(key).get("/api/v1/leads").then().statusCode(200);

    Response revoked = as(As.ADMIN).delete(KEYS + "/" + id);
    assertEquals(200, revoked.statusCode(), revoked.asString());
    revoked
        .then()
        .body("id", equalTo(id))
        .body("revokedAt", notNullValue())
        .body("$", not(org.hamcrest.Matchers.hasKey("key")));

    assertUnauthorized(given().auth().oauth2(key).get("/api/v1/leads"));
    assertUnauthorized(
        given()
            .auth()
            .oauth2(key)
            .contentType(ContentType.JSON)
            .body(Api.newLead("GENERATED"))
            .post("/api/v1/leads"));

    as(As.ADMIN).get(KEYS + "/" + id).then().statusCode(200).body("revokedAt", notNullValue());
  }

  @Test
  void revokedAdminKeyCannotCreateKeys() {
    Response created = createKey("admin-to-revoke", Role.ADMIN);
    String key = created.path("key");
    as(As.ADMIN).delete(KEYS + "/" + created.path("id")).then().statusCode(200);
    assertUnauthorized(
        given()
            .auth()
            .oauth2(key)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "sneaky", "role", "ADMIN"))
            .post(KEYS));
  }
}
