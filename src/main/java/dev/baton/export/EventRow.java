package dev.baton.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.event.EventView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * An event row of the export's query as the feed and the histories show it ({@link EventView}), and
 * as one flat CSV row, its data a JSON string. Erasure already removed the personal members of the
 * data from the stored rows.
 */
final class EventRow {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  static final String COLUMNS =
      "e.event_id, e.type, e.lead_id, e.lead_version, e.occurred_at, e.actor_name, e.actor_role,"
          + " e.import_id, e.from_status, e.to_status, e.data::text AS data";

  static final String[] NAMES = {
    "id",
    "type",
    "leadId",
    "leadVersion",
    "occurredAt",
    "actorName",
    "actorRole",
    "actorImportId",
    "fromStatus",
    "toStatus",
    "data"
  };

  private EventRow() {}

  static EventView read(ResultSet row, ObjectMapper json) throws SQLException {
    try {
      return EventView.of(
          row.getObject("event_id", UUID.class),
          row.getString("type"),
          row.getObject("lead_id", UUID.class),
          row.getLong("lead_version"),
          LeadRow.instant(row, "occurred_at"),
          row.getString("actor_name"),
          row.getString("actor_role"),
          row.getObject("import_id", UUID.class),
          row.getString("from_status"),
          row.getString("to_status"),
          json.readValue(row.getString("data"), MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data is not a JSON object", e);
    }
  }

  static byte[] header() {
    return Csv.header(NAMES);
  }

  static byte[] csv(EventView event, ObjectMapper json) throws JsonProcessingException {
    return new Csv()
        .add(event.id())
        .add(event.type())
        .add(event.leadId())
        .add(event.leadVersion())
        .add(event.occurredAt())
        .add(event.actor().name())
        .add(event.actor().role())
        .add(event.actor().importId())
        .add(event.fromStatus())
        .add(event.toStatus())
        .add(json.writeValueAsString(event.data()))
        .bytes();
  }
}
