package dev.baton.apikey;

import static dev.baton.apikey.Keys.KEYS;
import static dev.baton.apikey.Keys.assertProblem;
import static dev.baton.apikey.Keys.createKey;
import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.security.Role;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin's key management: a key of each role, shown once and never again, listed by pages
 * without its secret; unknown keys are not found, other roles are forbidden, and a bad request
 * names its field.
 */
@QuarkusTest
class ApiKeyManagementTest {

  // ---------------------------------------------------------------------------------------------
  // Creating keys
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Role.class)
  void adminCreatesAKeyOfEachRoleShownOnce(Role role) {
    String name = "auth-test-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
    Response created = as(As.ADMIN).body(Map.of("name", name, "role", role.name())).post(KEYS);
    assertEquals(201, created.statusCode(), created.asString());
    created
        .then()
        .contentType(startsWith("application/json"))
        .body("id", notNullValue())
        .body("name", equalTo(name))
        .body("role", equalTo(role.name()))
        .body("createdAt", notNullValue())
        .body("revokedAt", nullValue());
    String id = created.path("id");
    String key = created.path("key");
    String prefix = created.path("prefix");
    assertNotNull(key);
    assertTrue(key.length() >= 32, "a key must be long enough not to be guessed: " + key);
    assertNotNull(prefix);
    assertTrue(key.startsWith(prefix), "the prefix is the beginning of the key");
    assertTrue(prefix.length() < key.length(), "the prefix must not be the whole key");
    assertTrue(
        created.header("Location").endsWith(KEYS + "/" + id),
        "Location: " + created.header("Location"));

    // The new key works at once, in its role.
    given().auth().oauth2(key).get("/api/v1/leads").then().statusCode(200);

    // Reading it back never shows the key again.
    Response one = as(As.ADMIN).get(KEYS + "/" + id);
    assertEquals(200, one.statusCode());
    one.then()
        .body("id", equalTo(id))
        .body("name", equalTo(name))
        .body("role", equalTo(role.name()))
        .body("prefix", equalTo(prefix))
        .body("$", not(org.hamcrest.Matchers.hasKey("key")));
    assertFalse(one.asString().contains(key), "GET must never contain the key");
  }

  @Test
  void keysAreUniquePerCreation() {
    String first = createKey("twin", Role.SALES).path("key");
    String second = createKey("twin", Role.SALES).path("key");
    assertFalse(first.equals(second), "two keys must never be equal");
  }

  @Test
  void keyCreatedByAnotherAdminKeyCanManageKeys() {
    String adminKey = createKey("second-admin", Role.ADMIN).path("key");
    given()
        .auth()
        .oauth2(adminKey)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "made-by-second-admin", "role", "ANALYST"))
        .post(KEYS)
        .then()
        .statusCode(201)
        .body("key", notNullValue());
  }

  @Test
  void listIsPagedAndNeverContainsAKey() {
    Set<String> secrets = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      Response created = createKey("paged-" + i, Role.ANALYST);
      secrets.add(created.path("key"));
      ids.add(created.path("id"));
    }

    Response first = as(As.ADMIN).queryParam("limit", 2).get(KEYS);
    assertEquals(200, first.statusCode(), first.asString());
    first
        .then()
        .body("data.size()", equalTo(2))
        .body("nextCursor", notNullValue())
        .body("data.findAll { it.containsKey('key') }.size()", equalTo(0));

    // Walk every page: each key once, never a secret.
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      RequestSpecification request = as(As.ADMIN).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(KEYS);
      assertEquals(200, page.statusCode(), page.asString());
      String raw = page.asString();
      secrets.forEach(s -> assertFalse(raw.contains(s), "a list must never contain a key"));
      List<Map<String, Object>> data = page.jsonPath().getList("data");
      assertTrue(data.size() <= 2);
      for (Map<String, Object> key : data) {
        assertFalse(key.containsKey("key"), "a listed key must not carry its secret: " + key);
        assertNotNull(key.get("prefix"));
        assertTrue(seen.add((String) key.get("id")), "a key is listed twice: " + key);
      }
      cursor = page.path("nextCursor");
      pages++;
    } while (cursor != null && pages < 1000);
    assertTrue(seen.containsAll(ids), "every created key is listed");
  }

  @Test
  void defaultPageOfKeysAnswersDataAndMayOmitTheCursor() {
    createKey("default-page", Role.MARKETING);
    as(As.ADMIN)
        .get(KEYS)
        .then()
        .statusCode(200)
        .body("data", notNullValue())
        .body("data.size()", org.hamcrest.Matchers.lessThanOrEqualTo(50));
  }

  @Test
  void revokingAnUnknownKeyIsNotFound() {
    Response response = as(As.ADMIN).delete(KEYS + "/" + UUID.randomUUID());
    assertProblem(response, 404, "not-found");
  }

  @Test
  void readingAnUnknownKeyIsNotFound() {
    Response response = as(As.ADMIN).get(KEYS + "/" + UUID.randomUUID());
    assertProblem(response, 404, "not-found");
  }

  // ---------------------------------------------------------------------------------------------
  // 403 and 400
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(
      value = As.class,
      names = {"MARKETING", "SALES", "ANALYST"})
  void nonAdminKeyIsForbiddenToManageKeys(As role) {
    String victim = createKey("victim", Role.ANALYST).path("id");
    assertProblem(as(role).get(KEYS), 403, "forbidden");
    assertProblem(as(role).get(KEYS + "/" + victim), 403, "forbidden");
    assertProblem(
        as(role).body(Map.of("name", "escalate", "role", "ADMIN")).post(KEYS), 403, "forbidden");
    assertProblem(as(role).delete(KEYS + "/" + victim), 403, "forbidden");
    as(As.ADMIN).get(KEYS + "/" + victim).then().statusCode(200).body("revokedAt", nullValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SUPERUSER", "admin", "", "Admin"})
  void invalidRoleIsRefusedNamingTheRole(String role) {
    Response response = as(As.ADMIN).body(Map.of("name", "bad-role", "role", role)).post(KEYS);
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", equalTo(List.of("role")));
  }

  @Test
  void missingNameIsRefusedNamingTheName() {
    Response response = as(As.ADMIN).body(Map.of("role", "SALES")).post(KEYS);
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", equalTo(List.of("name")));
  }

  @Test
  void blankNameIsRefusedNamingTheName() {
    Response response = as(As.ADMIN).body(Map.of("name", "   ", "role", "SALES")).post(KEYS);
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", equalTo(List.of("name")));
  }

  @Test
  void missingNameAndRoleAreReportedTogether() {
    Response response = as(As.ADMIN).body("{}").post(KEYS);
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "role"));
  }

  @Test
  void clientCannotChooseTheKey() {
    Response response =
        as(As.ADMIN)
            .body(Map.of("name", "chosen", "role", "ADMIN", "key", "my-own-secret"))
            .post(KEYS);
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", hasItem("key"));
  }
}
