package dev.baton.sla;

import static dev.baton.sla.SlaScenes.POLICY;
import static dev.baton.sla.SlaScenes.restoreDefaultPolicy;
import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A replica keeps the SLA policy in memory, so a qualification does not read it; a change reaches
 * the very next qualification on the replica that made it, and the others within the notification's
 * delay, also when it is made by hand in the database.
 */
@QuarkusTest
class PolicyMemoryTest {

  @Inject AgroalDataSource database;

  @AfterEach
  void restore() {
    restoreDefaultPolicy();
  }

  @Test
  void aReplacedPolicyAppliesToTheVeryNextQualification() {
    for (int hours : new int[] {5, 7}) {
      as(As.ADMIN).body(Map.of("acceptanceHours", hours)).put(POLICY).then().statusCode(200);
      assertEquals(Duration.ofHours(hours), allowed(qualify()));
    }
  }

  @Test
  void aPolicyChangedByHandAppliesWithinTwoSeconds() throws Exception {
    assertEquals(Duration.ofHours(24), allowed(qualify())); // read, and kept
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE sla_policy SET policy = jsonb_set(policy, '{acceptanceHours}', '3')");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (!allowed(qualify()).equals(Duration.ofHours(3))) {
      assertTrue(System.nanoTime() < deadline, "the change was not heard within 2 s");
      Thread.sleep(50);
    }
    assertEquals(3, as(As.ANALYST).get(POLICY).jsonPath().getInt("acceptanceHours"));
  }

  /** A new lead, qualified now: its acceptance clock. */
  private static JsonPath qualify() {
    String id = Leads.leadIn("GENERATED");
    return Leads.move(as(As.ADMIN), id, "qualify", Map.of("score", 60))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Duration allowed(JsonPath lead) {
    return Duration.between(
        Instant.parse(lead.getString("sla.startedAt")),
        Instant.parse(lead.getString("sla.deadline")));
  }
}
