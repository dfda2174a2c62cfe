package dev.baton.export;

import static dev.baton.export.Exports.LEADS;
import static dev.baton.export.Exports.csv;
import static dev.baton.export.Exports.ids;
import static dev.baton.export.Exports.ndjson;
import static dev.baton.export.Exports.tree;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/exports/leads: the leads as the API shows them, filtered, resumable. */
@QuarkusTest
class ExportLeadsTest {

  @Test
  void everyLineIsTheLeadAsGetLeadAnswersIt() {
    String source = Leads.uniqueSource();
    List<String> handedOff = ExportScenes.leadsInEveryState(source);

    List<JsonNode> lines = ndjson(LEADS, Map.of("source", source));

    assertEquals(handedOff, ids(lines), "every lead of the source, oldest first");
    for (JsonNode line : lines) {
      String id = line.get("id").asText();
      assertEquals(tree(Leads.get(id).then().statusCode(200).extract().asString()), line, id);
    }
  }

  @Test
  void csvRowsFlattenTheSameLeads() {
    String source = Leads.uniqueSource();
    List<String> handedOff = ExportScenes.leadsInEveryState(source);

    List<Map<String, String>> rows = csv(LEADS, Map.of("source", source), LeadColumns.NAMES);

    assertEquals(handedOff, rows.stream().map(r -> r.get("id")).toList());
    for (Map<String, String> row : rows) {
      JsonNode lead = tree(Leads.get(row.get("id")).then().extract().asString());
      assertEquals(lead.get("status").asText(), row.get("status"));
      assertEquals(lead.at("/contact/email").asText(), row.get("email"));
      assertEquals(lead.at("/contact/jobTitle").asText(""), row.get("jobTitle"));
      assertEquals(lead.at("/company/name").asText(""), row.get("companyName"));
      assertEquals(lead.at("/attribution/source").asText(), row.get("source"));
      assertEquals(lead.at("/attribution/campaign").asText(""), row.get("campaign"));
      assertEquals(lead.at("/rejection/reason").asText(""), row.get("rejectionReason"));
      assertEquals(lead.at("/conversion/amount").asText(""), row.get("amount"));
      assertEquals(lead.at("/conversion/currency").asText(""), row.get("currency"));
      assertEquals(lead.at("/statusTimes/qualifiedAt").asText(""), row.get("qualifiedAt"));
      assertEquals(lead.get("recycleCount").asText(), row.get("recycleCount"));
      assertEquals(lead.get("createdAt").asText(), row.get("createdAt"));
      assertEquals(lead.get("updatedAt").asText(), row.get("updatedAt"));
      assertEquals(ExportScenes.refs(lead), row.get("externalRefs"));
    }
    Map<String, String> rich = rows.get(0);
    assertEquals(ExportScenes.AWKWARD_TITLE, rich.get("jobTitle"), "quoted and read back as sent");
    assertEquals("+33 1 23 45 67 89", rich.get("phone"), "no formula escaping");
    assertTrue(rich.get("externalRefs").matches("crm:[^;]+;forms:[^;]+|forms:[^;]+;crm:[^;]+"));
  }

  @Test
  void filtersKeepOnlyTheMatchingLeads() {
    String source = Leads.uniqueSource();
    List<String> handedOff = ExportScenes.leadsInEveryState(source);
    String rejected = handedOff.get(1);

    assertEquals(
        List.of(rejected), ids(ndjson(LEADS, Map.of("source", source, "status", "REJECTED"))));
    assertEquals(
        handedOff.subList(0, 2),
        ids(ndjson(LEADS, Map.of("source", source, "segment", "export-rich"))));
    assertEquals(
        List.of(), ids(ndjson(LEADS, Map.of("source", source, "createdTo", "2020-01-01"))));
    String created = Leads.get(handedOff.get(2)).then().extract().path("createdAt");
    assertEquals(
        handedOff.subList(2, handedOff.size()),
        ids(ndjson(LEADS, Map.of("source", source, "createdFrom", created))));
    assertEquals(
        handedOff.subList(0, 2),
        ids(ndjson(LEADS, Map.of("source", source, "createdTo", created))));
  }

  @Test
  void resumingAfterALineGivesExactlyTheRest() {
    String source = Leads.uniqueSource();
    List<String> handedOff = ExportScenes.leadsInEveryState(source);
    Map<String, Object> query = new HashMap<>(Map.of("source", source));

    query.put("after", handedOff.get(1));
    assertEquals(handedOff.subList(2, handedOff.size()), ids(ndjson(LEADS, query)));
    query.put("after", handedOff.get(handedOff.size() - 1));
    assertEquals(List.of(), ids(ndjson(LEADS, query)));
    query.put("format", "csv");
    query.put("after", handedOff.get(2));
    assertEquals(
        handedOff.subList(3, handedOff.size()),
        csv(LEADS, query, LeadColumns.NAMES).stream().map(r -> r.get("id")).toList());
  }

  @Test
  void anErasedLeadIsExportedAsItsSkeleton() {
    String source = Leads.uniqueSource();
    String id = ExportScenes.leadsInEveryState(source).get(0);
    as(As.ADMIN).delete(Leads.LEADS + "/" + id + "/personal-data").then().statusCode(200);

    JsonNode line = ndjson(LEADS, Map.of("source", source)).get(0);
    assertEquals(tree(Leads.get(id).then().extract().asString()), line);
    assertFalse(line.has("contact"));
    assertTrue(Instant.parse(line.get("erasedAt").asText()).isBefore(Instant.now().plusSeconds(1)));
    assertEquals(0, line.get("externalRefs").size());
    assertFalse(line.toString().contains(ExportScenes.MARKER), line.toString());

    Map<String, String> row = csv(LEADS, Map.of("source", source), LeadColumns.NAMES).get(0);
    assertEquals(id, row.get("id"));
    assertEquals("", row.get("email"));
    assertEquals("", row.get("phone"));
    assertEquals("", row.get("companyName"));
    assertEquals(line.get("erasedAt").asText(), row.get("erasedAt"));
    assertFalse(row.toString().contains(ExportScenes.MARKER), row.toString());
  }

  @Test
  void aBadFormatFilterOrPositionIsRefusedNamingTheParameter() {
    ExportScenes.refused(LEADS, Map.of("format", "xml"), "format");
    ExportScenes.refused(LEADS, Map.of("status", "WON"), "status");
    ExportScenes.refused(LEADS, Map.of("createdFrom", "yesterday"), "createdFrom");
    ExportScenes.refused(LEADS, Map.of("after", "not-a-lead"), "after");
    ExportScenes.refused(LEADS, Map.of("after", UUID.randomUUID().toString()), "after");
  }

  @Test
  void everyRoleMayExportAndAnUnknownKeyMayNot() {
    String source = Leads.uniqueSource();
    String id = Leads.handOff(Leads.body(source, null));
    for (As role : As.values()) {
      String body =
          ExportScenes.raw(role, LEADS, Map.of("source", source))
              .then()
              .statusCode(200)
              .header("RateLimit", startsWith("\"default\";r="))
              .extract()
              .asString();
      assertEquals(id, tree(body).get("id").asText(), role.name());
      assertTrue(body.endsWith("}\n") && body.indexOf('\n') == body.length() - 1, body);
    }
    ExportScenes.unauthorized(LEADS);
  }
}
