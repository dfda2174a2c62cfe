package dev.baton.sla;

import static dev.baton.sla.SlaScenes.POLICY;
import static dev.baton.sla.SlaScenes.PROBLEM;
import static dev.baton.sla.SlaScenes.restoreDefaultPolicy;
import static dev.baton.sla.SlaScenes.uniqueSegment;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SLA policy: who reads it, who replaces it, and what is read back after a replacement. */
@QuarkusTest
class SlaPolicyTest {

  @Test
  void everyRoleReadsThePolicy() {
    for (As role : As.values()) {
      as(role)
          .get(POLICY)
          .then()
          .statusCode(200)
          .body("acceptanceHours", equalTo(24))
          .body("updatedAt", notNullValue())
          .body("updatedBy", notNullValue());
    }
  }

  @Test
  void onlyAdminsReplaceThePolicy() {
    for (As role : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      as(role)
          .body(Map.of("acceptanceHours", 1))
          .put(POLICY)
          .then()
          .statusCode(403)
          .body("type", equalTo(PROBLEM + "forbidden"))
          .body("status", equalTo(403));
    }
    as(As.ANALYST).get(POLICY).then().body("acceptanceHours", equalTo(24));
  }

  @Test
  void aReplacedPolicyIsWhatIsReadBack() {
    String segment = uniqueSegment();
    Instant before = Instant.now().minusSeconds(1);
    try {
      Map<String, Object> policy = new LinkedHashMap<>();
      policy.put("acceptanceHours", 24);
      policy.put("qualifiedLeadsPerMonth", 1200);
      policy.put("minAcceptanceRate", 0.6);
      policy.put(
          "segments",
          List.of(
              Map.of(
                  "segment",
                  segment,
                  "acceptanceHours",
                  4,
                  "qualifiedLeadsPerMonth",
                  300,
                  "minAcceptanceRate",
                  0.75)));
      JsonPath answer =
          as(As.ADMIN)
              .body(policy)
              .put(POLICY)
              .then()
              .statusCode(200)
              .body("acceptanceHours", equalTo(24))
              .body("qualifiedLeadsPerMonth", equalTo(1200))
              .body("minAcceptanceRate", equalTo(0.6f))
              .body("segments", hasSize(1))
              .body("segments[0].segment", equalTo(segment))
              .body("segments[0].acceptanceHours", equalTo(4))
              .body("segments[0].qualifiedLeadsPerMonth", equalTo(300))
              .body("segments[0].minAcceptanceRate", equalTo(0.75f))
              .body("updatedBy", equalTo("bootstrap-admin"))
              .extract()
              .jsonPath();
      assertTrue(Instant.parse(answer.getString("updatedAt")).isAfter(before));
      assertEquals(answer.getMap("$"), as(As.SALES).get(POLICY).jsonPath().getMap("$"));
    } finally {
      restoreDefaultPolicy();
    }
    as(As.MARKETING)
        .get(POLICY)
        .then()
        .body("acceptanceHours", equalTo(24))
        .body("qualifiedLeadsPerMonth", nullValue())
        .body("segments", hasSize(0));
  }

  @Test
  void whoReplacedThePolicyAndWhenIsNotTakenFromTheClient() {
    Instant before = Instant.now().minusSeconds(1);
    try {
      JsonPath answer =
          as(As.ADMIN)
              .body(
                  Map.of(
                      "acceptanceHours",
                      24,
                      "updatedBy",
                      "mallory",
                      "updatedAt",
                      "2000-01-01T00:00:00Z"))
              .put(POLICY)
              .then()
              .statusCode(200)
              .body("updatedBy", equalTo("bootstrap-admin"))
              .extract()
              .jsonPath();
      assertTrue(Instant.parse(answer.getString("updatedAt")).isAfter(before));
      as(As.ANALYST).get(POLICY).then().body("updatedBy", equalTo("bootstrap-admin"));
    } finally {
      restoreDefaultPolicy();
    }
  }
}
