package dev.baton.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.lead.LeadRecords.LeadView;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A lead as a row of {@code POST /api/v1/imports}: its details as they are now, and its past as it
 * happened — the status it was handed off in, then each move and each feedback from its events, at
 * their times. Importing the rows of one Baton into another plays the same funnel again.
 */
final class HistoryRow {

  /** The select item giving a lead's importable events, oldest first, as a JSON array. */
  static final String EVENTS =
      "(SELECT json_agg(json_build_object('type', e.type, 'at', e.occurred_at, 'to', e.to_status,"
          + " 'data', e.data) ORDER BY e.id) FROM lead_event e WHERE e.lead_id = l.id AND e.type IN"
          + " ('lead.created', 'lead.qualified', 'lead.accepted', 'lead.rejected',"
          + " 'lead.converted', 'lead.recycled', 'lead.feedback_added'))::text AS history";

  private static final Map<String, String> ACTIONS =
      Map.of(
          "lead.qualified", "qualify",
          "lead.accepted", "accept",
          "lead.rejected", "reject",
          "lead.converted", "convert",
          "lead.recycled", "recycle");

  /** What a move of the import takes, among what its event recorded. */
  private static final List<String> MOVE_FIELDS =
      List.of("score", "note", "owner", "reason", "amount", "currency", "opportunityRef");

  private static final List<String> FEEDBACK_FIELDS = List.of("rating", "kind", "text");

  private HistoryRow() {}

  static ObjectNode of(LeadView lead, String history, ObjectMapper json) {
    ObjectNode row = json.createObjectNode();
    put(row, "contact", lead.contact(), json);
    put(row, "company", lead.company(), json);
    put(row, "attribution", lead.attribution(), json);
    put(row, "segment", lead.segment(), json);
    put(row, "consent", lead.consent(), json);
    if (lead.attributes() != null && !lead.attributes().isEmpty()) {
      put(row, "attributes", lead.attributes(), json);
    }
    if (!lead.externalRefs().isEmpty()) {
      put(row, "externalRefs", lead.externalRefs(), json);
    }
    if (lead.erasedAt() != null) {
      put(row, "erasedAt", lead.erasedAt(), json); // an import refuses it: the person is gone
    }
    row.put("handedOffAt", lead.createdAt().toString());
    ArrayNode moves = json.createArrayNode();
    ArrayNode feedback = json.createArrayNode();
    for (JsonNode event : read(history, json)) {
      String type = event.path("type").asText();
      JsonNode data = event.path("data");
      if (type.equals("lead.created")) {
        row.put("status", event.path("to").asText());
        copy(data, row, List.of("score"));
        if ("QUALIFIED".equals(event.path("to").asText()) && lead.qualificationNote() != null) {
          row.put("qualificationNote", lead.qualificationNote());
        }
      } else if (type.equals("lead.feedback_added")) {
        ObjectNode given = feedback.addObject().put("at", at(event));
        copy(data, given, FEEDBACK_FIELDS);
      } else {
        ObjectNode move = moves.addObject();
        move.put("action", ACTIONS.get(type)).put("at", at(event));
        copy(data, move, MOVE_FIELDS);
      }
    }
    if (!moves.isEmpty()) {
      row.set("moves", moves);
    }
    if (!feedback.isEmpty()) {
      row.set("feedback", feedback);
    }
    return row;
  }

  private static String at(JsonNode event) {
    return java.time.OffsetDateTime.parse(event.path("at").asText()).toInstant().toString();
  }

  private static void copy(JsonNode from, ObjectNode to, List<String> fields) {
    for (String field : fields) {
      JsonNode value = from.get(field);
      if (value != null && !value.isNull()) {
        to.set(field, value);
      }
    }
  }

  private static void put(ObjectNode row, String field, Object value, ObjectMapper json) {
    if (value != null) {
      row.set(field, json.valueToTree(value));
    }
  }

  private static JsonNode read(String history, ObjectMapper json) {
    if (history == null) {
      return json.createArrayNode();
    }
    try {
      return json.readTree(history);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
