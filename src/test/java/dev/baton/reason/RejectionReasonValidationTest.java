package dev.baton.reason;

import static dev.baton.reason.RejectionReasonCalls.REASONS;
import static dev.baton.reason.RejectionReasonCalls.reason;
import static dev.baton.reason.RejectionReasonCalls.uniqueCode;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invalid reason bodies and list filters are refused, naming the fields at fault. */
@QuarkusTest
class RejectionReasonValidationTest {

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
}
