package dev.baton.export;

import static dev.baton.export.Exports.EVENTS;
import static dev.baton.export.Exports.csv;
import static dev.baton.export.Exports.ids;
import static dev.baton.export.Exports.ndjson;
import static dev.baton.export.Exports.tree;
import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/exports/events: the feed's events, filtered, resumable, erasure respected. */
@QuarkusTest
class ExportEventsTest {

  @Test
  void everyLineIsTheEventAsTheHistoryShowsIt() throws InterruptedException {
    for (String lead : ExportScenes.leadsInEveryState(Leads.uniqueSource())) {
      List<JsonNode> history = history(lead);
      assertEquals(history, exported(Map.of("leadId", lead), history.size()), lead);
    }
  }

  @Test
  void csvRowsFlattenTheSameEvents() throws InterruptedException {
    String lead = ExportScenes.leadsInEveryState(Leads.uniqueSource()).get(2);
    List<JsonNode> history = history(lead);
    exported(Map.of("leadId", lead), history.size());

    List<Map<String, String>> rows = csv(EVENTS, Map.of("leadId", lead), EventRow.NAMES);

    assertEquals(history.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode event = history.get(i);
      Map<String, String> row = rows.get(i);
      assertEquals(event.get("id").asText(), row.get("id"));
      assertEquals(event.get("type").asText(), row.get("type"));
      assertEquals(lead, row.get("leadId"));
      assertEquals(event.get("leadVersion").asText(), row.get("leadVersion"));
      assertEquals(event.get("occurredAt").asText(), row.get("occurredAt"));
      assertEquals(event.at("/actor/name").asText(), row.get("actorName"));
      assertEquals(event.at("/actor/role").asText(""), row.get("actorRole"));
      assertEquals(event.path("fromStatus").asText(""), row.get("fromStatus"));
      assertEquals(event.path("toStatus").asText(""), row.get("toStatus"));
      assertEquals(event.get("data"), tree(row.get("data")));
    }
  }

  @Test
  void typesAndTimesKeepOnlyTheMatchingEvents() throws InterruptedException {
    String lead = ExportScenes.leadsInEveryState(Leads.uniqueSource()).get(2);
    List<JsonNode> history = history(lead);
    exported(Map.of("leadId", lead), history.size());

    assertEquals(
        List.of("lead.accepted", "lead.converted"),
        ndjson(EVENTS, Map.of("leadId", lead, "types", "lead.converted,lead.accepted")).stream()
            .map(e -> e.get("type").asText())
            .toList());
    String second = history.get(1).get("occurredAt").asText();
    assertEquals(
        ids(history.subList(1, history.size())),
        ids(ndjson(EVENTS, Map.of("leadId", lead, "from", second))));
    assertEquals(
        ids(history.subList(0, 1)), ids(ndjson(EVENTS, Map.of("leadId", lead, "to", second))));
  }

  @Test
  void resumingAfterAnEventGivesExactlyTheRest() throws InterruptedException {
    List<String> leads = ExportScenes.leadsInEveryState(Leads.uniqueSource());
    List<String> mine = new ArrayList<>();
    for (String lead : leads) {
      mine.addAll(ids(exported(Map.of("leadId", lead), history(lead).size())));
    }
    String first = ids(history(leads.get(0))).get(0);
    Map<String, Object> query = new HashMap<>(Map.of("after", first));

    // Everything after the first event of these leads: every other one of theirs, in feed order.
    List<String> rest = ids(ndjson(EVENTS, query)).stream().filter(mine::contains).toList();
    List<String> expected = new ArrayList<>(mine);
    expected.remove(first);
    assertEquals(expected.size(), rest.size());
    assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(rest));

    String lead = leads.get(2);
    List<String> history = ids(history(lead));
    query.put("leadId", lead);
    query.put("after", history.get(1));
    assertEquals(history.subList(2, history.size()), ids(ndjson(EVENTS, query)));
    query.put("format", "csv");
    assertEquals(
        history.subList(2, history.size()),
        csv(EVENTS, query, EventRow.NAMES).stream().map(r -> r.get("id")).toList());
  }

  @Test
  void eventsOfAnErasedLeadCarryNoPersonalData() throws InterruptedException {
    String lead = ExportScenes.leadsInEveryState(Leads.uniqueSource()).get(1);
    as(As.ADMIN).delete(Leads.LEADS + "/" + lead + "/personal-data").then().statusCode(200);
    List<JsonNode> history = history(lead);

    List<JsonNode> lines = exported(Map.of("leadId", lead), history.size());

    assertEquals(history, lines);
    assertEquals("lead.erased", lines.get(lines.size() - 1).get("type").asText());
    assertFalse(lines.toString().contains(ExportScenes.MARKER), lines.toString());
    assertFalse(
        csv(EVENTS, Map.of("leadId", lead), EventRow.NAMES)
            .toString()
            .contains(ExportScenes.MARKER));
  }

  @Test
  void aBadFormatFilterOrPositionIsRefusedNamingTheParameter() {
    ExportScenes.refused(EVENTS, Map.of("format", "json"), "format");
    ExportScenes.refused(EVENTS, Map.of("types", "lead.won"), "types");
    ExportScenes.refused(EVENTS, Map.of("leadId", "someone"), "leadId");
    ExportScenes.refused(EVENTS, Map.of("from", "soon"), "from");
    ExportScenes.refused(EVENTS, Map.of("after", "42"), "after");
    ExportScenes.refused(EVENTS, Map.of("after", UUID.randomUUID().toString()), "after");
    ExportScenes.unauthorized(EVENTS);
  }

  private static List<JsonNode> history(String lead) {
    JsonNode page = tree(Leads.history(lead).then().statusCode(200).extract().asString());
    List<JsonNode> events = new ArrayList<>();
    page.get("data").forEach(events::add);
    return events;
  }

  /**
   * The export, once it holds {@code count} events: a transaction still running elsewhere (a job's)
   * holds back the events committed after it began, as it does in the feed.
   */
  private static List<JsonNode> exported(Map<String, ?> query, int count)
      throws InterruptedException {
    List<JsonNode> lines = ndjson(EVENTS, query);
    for (int i = 0; i < 100 && lines.size() < count; i++) {
      Thread.sleep(100);
      lines = ndjson(EVENTS, query);
    }
    return lines;
  }
}
