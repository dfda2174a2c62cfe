package dev.baton.reason;

import static dev.baton.reason.RejectionReasonCalls.REASONS;
import static dev.baton.reason.RejectionReasonCalls.find;
import static dev.baton.reason.RejectionReasonCalls.list;
import static dev.baton.reason.RejectionReasonCalls.reason;
import static dev.baton.reason.RejectionReasonCalls.uniqueCode;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deactivating and activating reasons: the active filter, who may, and unknown codes. */
@QuarkusTest
class RejectionReasonActivationTest {

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
}
