package dev.baton.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.baton.event.EventView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every event matching a filter, in the change feed's order (the transaction that wrote it, then
 * its id: index lead_event_feed) and only below the feed's horizon, the oldest transaction still
 * running: an event of a transaction that commits later can then never land before a position
 * already exported, and a download resumed after its last event misses none (DESIGN.md, "The change
 * feed" and "Exports").
 */
@ApplicationScoped
public class EventExport {

  /** The filters, null or empty meaning any. */
  public record Filter(List<String> types, UUID leadId, Instant from, Instant to) {}

  /** Where an event stands in the feed's order: a download resumes after it. */
  public record Position(long txid, long id) {}

  private static final Position START = new Position(0, 0);

  private final Snapshots snapshots;
  private final ObjectWriter lines;
  private final ObjectMapper json;

  public EventExport(Snapshots snapshots, ObjectMapper json) {
    this.snapshots = snapshots;
    this.json = json;
    this.lines = json.writerFor(EventView.class);
  }

  /** The position of the event with this id, or null when there is none (or it was purged). */
  public Position position(UUID eventId) throws SQLException {
    return snapshots.lookup(
        "SELECT txid, id FROM lead_event WHERE event_id = ?",
        eventId,
        row -> new Position(row.getLong("txid"), row.getLong("id")));
  }

  /** The events after {@code after} (from the first when null), written when the answer is sent. */
  public StreamingOutput stream(Filter filter, Position after, ExportFormat format) {
    Position start = after == null ? START : after;
    List<String> where = new ArrayList<>(List.of("e.txid < ?", "(e.txid, e.id) > (?, ?)"));
    List<Object> tail = new ArrayList<>(List.of(start.txid(), start.id()));
    if (!filter.types().isEmpty()) {
      where.add("e.type = ANY (?)");
      tail.add(filter.types());
    }
    if (filter.leadId() != null) {
      where.add("e.lead_id = ?");
      tail.add(filter.leadId());
    }
    if (filter.from() != null) {
      where.add("e.occurred_at >= ?");
      tail.add(filter.from());
    }
    if (filter.to() != null) {
      where.add("e.occurred_at < ?");
      tail.add(filter.to());
    }
    String sql =
        "SELECT "
            + EventRow.COLUMNS
            + " FROM lead_event e WHERE "
            + String.join(" AND ", where)
            + " ORDER BY e.txid, e.id";
    return out -> {
      if (format == ExportFormat.csv) {
        out.write(EventRow.header());
      }
      Streams.write(
          snapshots,
          snapshot -> {
            // The first statement of the transaction: its snapshot is the one the export reads.
            long horizon =
                snapshot.single("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
            List<Object> parameters = new ArrayList<>();
            parameters.add(horizon);
            parameters.addAll(tail);
            snapshot.each(
                sql,
                parameters,
                row -> {
                  EventView event = EventRow.read(row, json);
                  out.write(
                      format == ExportFormat.csv
                          ? EventRow.csv(event, json)
                          : Streams.line(lines.writeValueAsBytes(event)));
                });
          });
    };
  }
}
