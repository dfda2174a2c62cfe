package dev.baton.export;

import static dev.baton.export.Exports.LEADS;
import static dev.baton.export.Exports.ndjson;
import static dev.baton.export.Exports.tree;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.imports.Imports;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/exports/leads?shape=history: each lead as the import row that brings it with its past
 * into another Baton. Imported rows export as themselves.
 */
@QuarkusTest
class ExportHistoryTest {

  @Test
  void importedRowsExportAsThemselves() {
    String source = Leads.uniqueSource();
    List<String> rows =
        List.of(
            row(
                source,
                "2025-01-06T09:00:00Z",
                "\"status\":\"GENERATED\",\"score\":40,\"company\":{\"name\":\"Acme\"},"
                    + "\"attributes\":{\"plan\":\"pro\"},"
                    + "\"externalRefs\":[{\"system\":\"crm\",\"id\":\""
                    + source
                    + "-1\"}],\"moves\":["
                    + "{\"action\":\"qualify\",\"at\":\"2025-01-07T10:00:00Z\",\"score\":70,"
                    + "\"note\":\"asked for a demo\"},"
                    + "{\"action\":\"accept\",\"at\":\"2025-01-07T12:30:00Z\",\"owner\":\"sam\"},"
                    + "{\"action\":\"convert\",\"at\":\"2025-02-01T08:00:00Z\",\"amount\":1200.5,"
                    + "\"currency\":\"EUR\",\"opportunityRef\":\"opp-9\"}],"
                    + "\"feedback\":[{\"at\":\"2025-01-08T09:00:00Z\",\"rating\":5},"
                    + "{\"at\":\"2025-01-09T09:00:00Z\",\"kind\":\"NOTE\",\"text\":\"great fit\"}]"),
            row(
                source,
                "2025-01-07T09:00:00Z",
                "\"status\":\"QUALIFIED\",\"qualificationNote\":\"came to the webinar\",\"moves\":["
                    + "{\"action\":\"reject\",\"at\":\"2025-01-08T09:00:00Z\",\"reason\":\"NO_BUDGET\"},"
                    + "{\"action\":\"recycle\",\"at\":\"2025-03-01T09:00:00Z\",\"note\":\"budget"
                    + " freed\"},"
                    + "{\"action\":\"qualify\",\"at\":\"2025-03-02T09:00:00Z\"}]"),
            row(source, "2025-01-08T09:00:00Z", "\"status\":\"GENERATED\""));
    JsonPath job = Imports.run(String.join("", rows), null);
    assertEquals(3, job.getLong("rowsCreated"), job.prettify());

    List<JsonNode> exported = ndjson(LEADS, Map.of("source", source, "shape", "history"));

    List<JsonNode> imported = new ArrayList<>();
    rows.forEach(r -> imported.add(normal(tree(r))));
    assertEquals(imported, exported.stream().map(ExportHistoryTest::normal).toList());
  }

  @Test
  void aLeadsPastHasNoCsvRow() {
    Exports.download(LEADS, Map.of("shape", "history", "format", "csv"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("shape"));
  }

  private static String row(String source, String handedOffAt, String rest) {
    return "{\"contact\":{\"email\":\""
        + Leads.uniqueEmail()
        + "\",\"firstName\":\"Ada\"},\"attribution\":{\"source\":\""
        + source
        + "\",\"campaign\":\"spring\"},\"segment\":\"smb\",\"handedOffAt\":\""
        + handedOffAt
        + "\","
        + rest
        + "}\n";
  }

  /** Numbers by value, absent and null alike. */
  private static JsonNode normal(JsonNode node) {
    if (node.isNumber()) {
      return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
    }
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isNull()) {
          it.remove();
        } else {
          field.setValue(normal(field.getValue()));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, normal(node.get(i)));
      }
    }
    return node;
  }
}
