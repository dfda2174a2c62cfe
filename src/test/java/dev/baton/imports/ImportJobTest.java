package dev.baton.imports;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportJobTest {

  @jakarta.inject.Inject dev.baton.event.EventRetentionJob retention;

  static String email() {
    return "imp-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void aLeadComesInWithItsPastAtItsOwnTimes() {
    String email = email();
    String row =
        "{\"contact\":{\"email\":\""
            + email
            + "\",\"firstName\":\"Ada\"},"
            + "\"attribution\":{\"source\":\"webinar\",\"campaign\":\"imp-q1\"},\"segment\":\"smb\","
            + "\"handedOffAt\":\"2025-01-06T09:00:00Z\",\"moves\":["
            + "{\"action\":\"qualify\",\"at\":\"2025-01-06T10:00:00Z\",\"score\":70},"
            + "{\"action\":\"accept\",\"at\":\"2025-01-06T15:00:00Z\",\"owner\":\"sam\"},"
            + "{\"action\":\"convert\",\"at\":\"2025-02-01T10:00:00Z\",\"amount\":1200,\"currency\":\"EUR\"}],"
            + "\"feedback\":[{\"at\":\"2025-01-07T10:00:00Z\",\"rating\":4}]}\n";
    String bad = "{\"contact\":{\"email\":\"nope\"},\"handedOffAt\":\"2025-01-06T09:00:00Z\"}\n";
    JsonPath job = Imports.run(row + bad, null);
    assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
    assertEquals(2, job.getLong("rowsRead"));
    assertEquals(1, job.getLong("rowsCreated"));
    assertEquals(1, job.getLong("rowsRefused"));
    List<JsonPath> results = Imports.results(job.getString("id"));
    assertEquals("CREATED", results.get(0).getString("outcome"));
    assertEquals("REFUSED", results.get(1).getString("outcome"));
    String lead = results.get(0).getString("leadId");
    as(As.ANALYST)
        .get("/api/v1/leads/" + lead)
        .then()
        .statusCode(200)
        .body("status", equalTo("CONVERTED"))
        .body("owner", equalTo("sam"));
    as(As.ANALYST)
        .get("/api/v1/leads/" + lead + "/history")
        .then()
        .statusCode(200)
        .body(
            "data.type",
            equalTo(
                List.of(
                    "lead.created",
                    "lead.qualified",
                    "lead.accepted",
                    "lead.feedback_added",
                    "lead.converted")))
        .body("data[0].actor.name", equalTo("import"))
        .body("data[0].actor.importId", equalTo(job.getString("id")))
        .body("data[2].occurredAt", equalTo("2025-01-06T15:00:00Z"));
    // Retention counts from when the past was brought in, not from when it happened.
    retention.purge(java.time.Instant.now());
    assertEquals(5, dev.baton.testing.Leads.historyTypes(lead).size());
  }
}
