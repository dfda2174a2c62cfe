package dev.baton.sla;

import static dev.baton.sla.SlaScenes.POLICY;
import static dev.baton.sla.SlaScenes.PROBLEM;
import static dev.baton.sla.SlaScenes.restoreDefaultPolicy;
import static dev.baton.sla.SlaScenes.uniqueSegment;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An invalid SLA policy is refused naming the field, and the policy in force stays. */
@QuarkusTest
class SlaPolicyValidationTest {

  /** A policy that must be refused, and the field the refusal names. */
  record Invalid(String field, Map<String, Object> body) {}

  @Test
  void anInvalidPolicyIsRefusedNamingTheField() {
    String segment = uniqueSegment();
    List<Invalid> cases = new ArrayList<>();
    cases.add(new Invalid("acceptanceHours", Map.of("qualifiedLeadsPerMonth", 10)));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", 0)));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", 8761)));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", "a day")));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", 1.5)));
    cases.add(new Invalid("segments", Map.of("acceptanceHours", 24, "segments", "enterprise")));
    cases.add(
        new Invalid(
            "segments[0]",
            Map.of("acceptanceHours", 24, "segments", Arrays.asList((Object) null))));
    cases.add(
        new Invalid(
            "minAcceptanceRate", Map.of("acceptanceHours", 24, "minAcceptanceRate", 0.12345)));
    cases.add(
        new Invalid("minAcceptanceRate", Map.of("acceptanceHours", 24, "minAcceptanceRate", 1.5)));
    cases.add(
        new Invalid("minAcceptanceRate", Map.of("acceptanceHours", 24, "minAcceptanceRate", -0.1)));
    cases.add(
        new Invalid(
            "qualifiedLeadsPerMonth", Map.of("acceptanceHours", 24, "qualifiedLeadsPerMonth", -1)));
    cases.add(new Invalid("surprise", Map.of("acceptanceHours", 24, "surprise", true)));
    cases.add(
        new Invalid(
            "segments[1].segment",
            Map.of(
                "acceptanceHours",
                24,
                "segments",
                List.of(
                    Map.of("segment", segment, "acceptanceHours", 2),
                    Map.of("segment", segment, "acceptanceHours", 3)))));
    cases.add(
        new Invalid(
            "segments[0].segment",
            Map.of("acceptanceHours", 24, "segments", List.of(Map.of("segment", " ")))));
    cases.add(
        new Invalid(
            "segments[0].acceptanceHours",
            Map.of(
                "acceptanceHours",
                24,
                "segments",
                List.of(Map.of("segment", segment, "acceptanceHours", 0)))));
    cases.add(
        new Invalid(
            "segments[0].minAcceptanceRate",
            Map.of(
                "acceptanceHours",
                24,
                "segments",
                List.of(Map.of("segment", segment, "minAcceptanceRate", 2)))));
    try {
      for (Invalid invalid : cases) {
        as(As.ADMIN)
            .body(invalid.body())
            .put(POLICY)
            .then()
            .statusCode(400)
            .body("type", equalTo(PROBLEM + "validation-error"))
            .body("status", equalTo(400))
            .body("errors.field", hasItem(invalid.field()));
      }
      as(As.ANALYST)
          .get(POLICY)
          .then()
          .body("acceptanceHours", equalTo(24))
          .body("segments", hasSize(0));
    } finally {
      restoreDefaultPolicy();
    }
  }
}
