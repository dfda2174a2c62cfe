package dev.baton.reason;

import static dev.baton.reason.RejectionReasonCalls.REASONS;
import static dev.baton.reason.RejectionReasonCalls.find;
import static dev.baton.reason.RejectionReasonCalls.list;
import static io.restassured.RestAssured.given;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the reason catalog: the seeded defaults, their order, who may read it. */
@QuarkusTest
class RejectionReasonCatalogTest {

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
  void defaultsAreActive() {
    List<String> active = list("true").getList("data.code");
    DEFAULTS.keySet().forEach(code -> assertTrue(active.contains(code), code));
    List<String> inactive = list("false").getList("data.code");
    DEFAULTS.keySet().forEach(code -> assertFalse(inactive.contains(code), code));
  }
}
