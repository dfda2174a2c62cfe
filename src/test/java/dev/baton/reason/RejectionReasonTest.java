package dev.baton.reason;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RejectionReasonTest {

  private static final String REASONS = "/api/v1/rejection-reasons";

  /** PRODUCT.md's default catalog: code → {accountable, requiresNote}. */
  private static final Map<String, List<Object>> DEFAULTS = defaults();

  private static Map<String, List<Object>> defaults() {
    Map<String, List<Object>> d = new LinkedHashMap<>();
    d.put("NOT_ICP", List.of("MARKETING", false));
    d.put("BAD_CONTACT_DATA", List.of("MARKETING", false));
    d.put("SPAM", List.of("MARKETING", false));
    d.put("DUPLICATE", List.of("MARKETING", false));
    d.put("EXISTING_CUSTOMER", List.of("MARKETING", false));
    d.put("STUDENT_OR_JOB_SEEKER", List.of("MARKETING", false));
    d.put("COMPETITOR", List.of("MARKETING", false));
    d.put("NO_NEED", List.of("NONE", false));
    d.put("NO_BUDGET", List.of("NONE", false));
    d.put("NO_AUTHORITY", List.of("NONE", false));
    d.put("BAD_TIMING", List.of("NONE", false));
    d.put("CHOSE_COMPETITOR", List.of("NONE", false));
    d.put("UNRESPONSIVE", List.of("SALES", false));
    d.put("OTHER", List.of("NONE", true));
    return d;
  }

  private static String uniqueCode() {
    return "R_" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
  }

  private static Map<String, Object> reason(String code, String accountable, Object requiresNote) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("label", "Label of " + code);
    body.put("accountable", accountable);
    if (requiresNote != null) {
      body.put("requiresNote", requiresNote);
    }
    return body;
  }

  private static JsonPath list(String active) {
    var request = as(As.ANALYST);
    if (active != null) {
      request.queryParam("active", active);
    }
    return request.get(REASONS).then().statusCode(200).extract().jsonPath();
  }

  private static Map<String, Object> find(JsonPath list, String code) {
    List<Map<String, Object>> all = list.getList("data");
    return all.stream().filter(r -> code.equals(r.get("code"))).findFirst().orElse(null);
  }

  @Test
  void everyRoleReadsTheSeededDefaultCatalog() {
    for (As role : As.values()) {
      JsonPath list =
          Api.as(role)
              .get(REASONS)
              .then()
              .statusCode(200)
              .contentType(startsWith("application/json"))
              .extract()
              .jsonPath();
      DEFAULTS.forEach(
          (code, expected) -> {
            Map<String, Object> reason = find(list, code);
            assertTrue(reason != null, code + " is listed");
            assertEquals(expected.get(0), reason.get("accountable"), code);
            assertEquals(expected.get(1), reason.get("requiresNote"), code);
            assertEquals(true, reason.get("active"), code);
            assertFalse(((String) reason.get("label")).isBlank(), code);
          });
    }
  }

  @Test
  void theCatalogIsListedByCode() {
    List<String> codes = list(null).getList("data.code");
    List<String> sorted = new ArrayList<>(codes);
    sorted.sort(null);
    assertEquals(sorted, codes);
  }

  @Test
  void anonymousCallersAreUnauthorized() {
    given()
        .get(REASONS)
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:unauthorized"));
  }

  @Test
  void adminCreatesAReason() {
    String code = uniqueCode();
    as(As.ADMIN)
        .body(reason(code, "SALES", true))
        .post(REASONS)
        .then()
        .statusCode(201)
        .header("Location", endsWith(REASONS + "/" + code))
        .body("code", equalTo(code))
        .body("label", equalTo("Label of " + code))
        .body("accountable", equalTo("SALES"))
        .body("requiresNote", equalTo(true))
        .body("active", equalTo(true));

    Map<String, Object> listed = find(list(null), code);
    assertEquals(
        Map.of(
            "code",
            code,
            "label",
            "Label of " + code,
            "accountable",
            "SALES",
            "requiresNote",
            true,
            "active",
            true),
        listed);
  }

  @Test
  void aNewReasonRequiresNoNoteByDefault() {
    String code = uniqueCode();
    as(As.ADMIN)
        .body(reason(code, "NONE", null))
        .post(REASONS)
        .then()
        .statusCode(201)
        .body("requiresNote", equalTo(false));
  }

  @Test
  void onlyAdminsCreateReasons() {
    for (As role : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      String code = uniqueCode();
      as(role)
          .body(reason(code, "NONE", false))
          .post(REASONS)
          .then()
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:forbidden"));
      assertEquals(null, find(list(null), code));
    }
  }

  @Test
  void aDuplicateCodeIsAConflict() {
    String code = uniqueCode();
    as(As.ADMIN).body(reason(code, "SALES", false)).post(REASONS).then().statusCode(201);
    as(As.ADMIN)
        .body(reason(code, "MARKETING", true))
        .post(REASONS)
        .then()
        .statusCode(409)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(409))
        .body("detail", containsString(code));
    Map<String, Object> kept = find(list(null), code);
    assertEquals("SALES", kept.get("accountable"));
    assertEquals(false, kept.get("requiresNote"));
  }

  @Test
  void aSeededCodeCannotBeCreatedAgain() {
    as(As.ADMIN)
        .body(reason("NOT_ICP", "NONE", true))
        .post(REASONS)
        .then()
        .statusCode(409)
        .contentType(startsWith("application/problem+json"));
    assertEquals("MARKETING", find(list(null), "NOT_ICP").get("accountable"));
  }

  @Test
  void concurrentCreatesOfOneCodeMakeOneReasonAndNoServerError() throws Exception {
    int clients = 20;
    Api.key(As.ADMIN);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      // A few rounds, so that the race window between "exists?" and "insert" is really hit.
      for (int round = 0; round < 5; round++) {
        String code = uniqueCode();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          var request = as(As.ADMIN).body(reason(code, "NONE", false));
          statuses.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    gate.await();
                    return request.post(REASONS).statusCode();
                  }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS));
        gate.countDown();
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
          answered.add(status.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1, answered.stream().filter(s -> s == 201).count(), answered.toString());
        assertEquals(
            clients - 1,
            answered.stream().filter(s -> s == 409).count(),
            "the others are told the code exists, never a 500: " + answered);
        assertEquals(
            1, list(null).<String>getList("data.code").stream().filter(code::equals).count());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLowercaseCodeIsRefused() {
    for (String code : List.of("wrong_language", "Wrong", "A", "1ABC", "A-B", "A B")) {
      as(As.ADMIN)
          .body(reason(code, "NONE", false))
          .post(REASONS)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("code")));
    }
  }

  @Test
  void anUnknownAccountableIsRefused() {
    as(As.ADMIN)
        .body(reason(uniqueCode(), "NOBODY", false))
        .post(REASONS)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("accountable")))
        .body("errors[0].message", containsString("MARKETING"));
  }

  @Test
  void missingFieldsAreAllNamed() {
    as(As.ADMIN)
        .body(Map.of("requiresNote", "yes"))
        .post(REASONS)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", containsInAnyOrder("code", "label", "accountable", "requiresNote"));
  }

  @Test
  void deactivationHidesAReasonFromTheActiveListAndActivationBringsItBack() {
    String code = uniqueCode();
    as(As.ADMIN).body(reason(code, "MARKETING", false)).post(REASONS).then().statusCode(201);
    assertTrue(list("true").<String>getList("data.code").contains(code));
    assertFalse(list("false").<String>getList("data.code").contains(code));

    as(As.ADMIN)
        .post(REASONS + "/" + code + "/deactivate")
        .then()
        .statusCode(200)
        .body("code", equalTo(code))
        .body("active", equalTo(false))
        .body("accountable", equalTo("MARKETING"));
    JsonPath inactive = list("false");
    assertTrue(inactive.<String>getList("data.code").contains(code));
    inactive.<Boolean>getList("data.active").forEach(a -> assertEquals(false, a));
    JsonPath active = list("true");
    assertFalse(active.<String>getList("data.code").contains(code));
    active.<Boolean>getList("data.active").forEach(a -> assertEquals(true, a));
    assertEquals(false, find(list(null), code).get("active"));

    // Deactivating twice is harmless.
    as(As.ADMIN)
        .post(REASONS + "/" + code + "/deactivate")
        .then()
        .statusCode(200)
        .body("active", equalTo(false));

    as(As.ADMIN)
        .post(REASONS + "/" + code + "/activate")
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
    assertTrue(list("true").<String>getList("data.code").contains(code));
    assertFalse(list("false").<String>getList("data.code").contains(code));
  }

  @Test
  void actionsWithoutABodyTakeAnEmptyBodyWhateverItsLabel() {
    // Some clients (typescript-axios) label an empty POST body as a form.
    String code = uniqueCode();
    as(As.ADMIN).body(reason(code, "MARKETING", false)).post(REASONS).then().statusCode(201);
    for (String action : List.of("deactivate", "activate")) {
      as(As.ADMIN)
          .contentType("application/x-www-form-urlencoded")
          .post(REASONS + "/" + code + "/" + action)
          .then()
          .statusCode(200)
          .body("active", equalTo("activate".equals(action)));
    }
  }

  @Test
  void onlyAdminsDeactivateOrActivate() {
    String code = uniqueCode();
    as(As.ADMIN).body(reason(code, "MARKETING", false)).post(REASONS).then().statusCode(201);
    for (As role : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      for (String action : List.of("deactivate", "activate")) {
        as(role)
            .post(REASONS + "/" + code + "/" + action)
            .then()
            .statusCode(403)
            .body("type", equalTo("urn:baton:problem:forbidden"));
      }
    }
    assertEquals(true, find(list(null), code).get("active"));
  }

  @Test
  void deactivatingAnUnknownReasonIsNotFound() {
    as(As.ADMIN)
        .post(
            REASONS
                + "/NO_SUCH_REASON_"
                + UUID.randomUUID().toString().substring(0, 4)
                + "/deactivate")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:not-found"));
  }

  @Test
  void theActiveFilterMustBeTrueOrFalse() {
    for (String bad : List.of("maybe", "1", "yes")) {
      as(As.ANALYST)
          .queryParam("active", bad)
          .get(REASONS)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("active")));
    }
  }

  @Test
  void defaultsAreActive() {
    List<String> active = list("true").getList("data.code");
    DEFAULTS.keySet().forEach(code -> assertTrue(active.contains(code), code));
    List<String> inactive = list("false").getList("data.code");
    DEFAULTS.keySet().forEach(code -> assertFalse(inactive.contains(code), code));
  }
}
