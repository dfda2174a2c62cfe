package dev.baton.imports;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What becomes of duplicate rows, per the job's policy, and of rows the funnel refuses. */
@QuarkusTest
class ImportPoliciesTest {

  private static String row(String email, String ref, String firstName, String moves) {
    return "{\"contact\":{\"email\":\""
        + email
        + "\",\"firstName\":\""
        + firstName
        + "\"},"
        + "\"attribution\":{\"source\":\"import-test\"},"
        + "\"externalRefs\":[{\"system\":\"crm\",\"id\":\""
        + ref
        + "\"}],"
        + "\"handedOffAt\":\"2025-03-03T09:00:00Z\",\"moves\":["
        + moves
        + "]}\n";
  }

  private static String open(String email) {
    Map<String, Object> body = Leads.body("import-test", null);
    body.put("contact", Map.of("email", email, "firstName", "Live"));
    return Leads.handOff(body);
  }

  @Test
  void refuseNamesTheLeadThereAndSkipPointsAtIt() {
    String email = Leads.uniqueEmail();
    String existing = open(email);
    String file = row(email, Leads.uniqueSource(), "Imported", "");
    JsonPath refused = Imports.run(file, null);
    assertEquals(1, refused.getLong("rowsRefused"));
    JsonPath problem = Imports.results(refused.getString("id")).get(0);
    assertEquals("REFUSED", problem.getString("outcome"));
    assertEquals(existing, problem.getString("problem.existingLeadId"));
    assertEquals("urn:baton:problem:duplicate-lead", problem.getString("problem.type"));

    JsonPath skipped = Imports.run(file, "skip");
    assertEquals(1, skipped.getLong("rowsSkipped"));
    assertEquals(existing, Imports.results(skipped.getString("id")).get(0).getString("leadId"));
    Leads.get(existing).then().body("contact.firstName", equalTo("Live"));
  }

  @Test
  void updateReplacesTheEditableFieldsOfTheLeadThere() {
    String email = Leads.uniqueEmail();
    String existing = open(email);
    JsonPath updated = Imports.run(row(email, Leads.uniqueSource(), "Imported", ""), "update");
    assertEquals(1, updated.getLong("rowsUpdated"), updated.prettify());
    assertEquals(existing, Imports.results(updated.getString("id")).get(0).getString("leadId"));
    Leads.get(existing).then().body("contact.firstName", equalTo("Imported"));
    assertEquals("lead.updated", Leads.historyTypes(existing).get(1));
  }

  @Test
  void aPersonCanHaveClosedLeadsBehindTheOpenOneAndAnIdOnlyOneLead() {
    String email = Leads.uniqueEmail();
    String ref = Leads.uniqueSource();
    String closed =
        "{\"action\":\"qualify\",\"at\":\"2025-03-03T10:00:00Z\"},"
            + "{\"action\":\"reject\",\"at\":\"2025-03-04T10:00:00Z\",\"reason\":\"NO_BUDGET\"}";
    String file =
        row(email, ref + "-1", "First", closed)
            + row(email, ref + "-2", "Second", "")
            + row(email, ref + "-3", "Third", "")
            + row(Leads.uniqueEmail(), ref + "-2", "Other", "");
    JsonPath job = Imports.run(file, null);
    List<JsonPath> results = Imports.results(job.getString("id"));
    assertEquals(
        List.of("CREATED", "CREATED", "REFUSED", "REFUSED"),
        results.stream().map(r -> r.getString("outcome")).toList());
    assertEquals("urn:baton:problem:external-ref-exists", results.get(3).getString("problem.type"));
    Leads.get(results.get(1).getString("leadId"))
        .then()
        .body("previousLeadId", equalTo(results.get(0).getString("leadId")));
    // As live, the comeback's lead.created names the lead it follows; the first has none.
    Leads.history(results.get(1).getString("leadId"))
        .then()
        .body("data[0].type", equalTo("lead.created"))
        .body("data[0].data.previousLeadId", equalTo(results.get(0).getString("leadId")));
    Leads.history(results.get(0).getString("leadId"))
        .then()
        .body("data[0].data.previousLeadId", nullValue());
  }

  @Test
  void rowsTheFunnelRefusesAreRefusedNamingTheField() {
    String file =
        row(
                Leads.uniqueEmail(),
                Leads.uniqueSource(),
                "A",
                "{\"action\":\"accept\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":\"sam\"}")
            + row(
                Leads.uniqueEmail(),
                Leads.uniqueSource(),
                "B",
                "{\"action\":\"qualify\",\"at\":\"2025-03-02T10:00:00Z\"}")
            + row(
                Leads.uniqueEmail(),
                Leads.uniqueSource(),
                "C",
                "{\"action\":\"reject\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":\"NOPE\"}")
            + "not json\n";
    JsonPath job = Imports.run(file, null);
    assertEquals(4, job.getLong("rowsRefused"), job.prettify());
    List<String> fields =
        Imports.results(job.getString("id")).stream()
            .map(r -> r.getString("problem.errors[0].field"))
            .toList();
    assertEquals(List.of("moves[0].action", "moves[0].at", "moves[0].reason", "row"), fields);
  }

  @Test
  void onlyAdminsImportAndABadPolicyIsRefused() {
    as(As.MARKETING)
        .contentType("application/x-ndjson")
        .body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/v1/imports")
        .then()
        .statusCode(403);
    Imports.post("{}\n", "application/x-ndjson", "merge")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("duplicates"));
  }
}
