package dev.baton.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadStatus;
import dev.baton.sla.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every lead matching a filter, oldest first (created_at, id: the order of GET /api/v1/leads and of
 * its index lead_created), each as {@code GET /api/v1/leads/{id}} shows it, or as the row of an
 * import that brings it, with its past, into another Baton ({@link HistoryRow}).
 */
@ApplicationScoped
public class LeadExport {

  /** The filters, null meaning any; the names and meanings of GET /api/v1/leads where shared. */
  public record Filter(
      LeadStatus status,
      String source,
      String campaign,
      String segment,
      SlaState slaState,
      Instant updatedSince,
      Instant createdFrom,
      Instant createdTo) {}

  /** Where a lead stands in the export's order: a download resumes after it. */
  public record Position(Instant createdAt, UUID id) {}

  private final Snapshots snapshots;
  private final ObjectWriter lines;
  private final ObjectMapper json;

  public LeadExport(Snapshots snapshots, ObjectMapper json) {
    this.snapshots = snapshots;
    this.json = json;
    this.lines = json.writerFor(LeadView.class);
  }

  /** The position of the lead with this id, or null when there is none. */
  public Position position(UUID id) throws SQLException {
    return snapshots.lookup(
        "SELECT created_at, id FROM lead WHERE id = ?",
        id,
        row -> new Position(LeadRow.instant(row, "created_at"), row.getObject("id", UUID.class)));
  }

  /** The leads after {@code after} (from the first when null), written when the answer is sent. */
  public StreamingOutput stream(
      Filter filter, Position after, ExportFormat format, ExportShape shape) {
    List<String> where = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    where(
        where, parameters, "l.status = ?", filter.status() == null ? null : filter.status().name());
    where(where, parameters, "l.source = ?", filter.source());
    where(where, parameters, "l.campaign = ?", filter.campaign());
    where(where, parameters, "l.segment = ?", filter.segment());
    where(
        where,
        parameters,
        "l.sla_state = ?",
        filter.slaState() == null ? null : filter.slaState().name());
    where(where, parameters, "l.updated_at >= ?", filter.updatedSince());
    where(where, parameters, "l.created_at >= ?", filter.createdFrom());
    where(where, parameters, "l.created_at < ?", filter.createdTo());
    if (after != null) {
      where.add("(l.created_at, l.id) > (?, ?)");
      parameters.add(after.createdAt());
      parameters.add(after.id());
    }
    String sql =
        "SELECT "
            + LeadRow.COLUMNS
            + (shape == ExportShape.history ? ", " + HistoryRow.EVENTS : "")
            + " FROM "
            + LeadRow.FROM
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY l.created_at, l.id";
    return out -> {
      if (format == ExportFormat.csv) {
        out.write(LeadColumns.header());
      }
      Streams.write(
          snapshots,
          snapshot ->
              snapshot.each(
                  sql,
                  parameters,
                  row -> {
                    LeadView lead = LeadRow.read(row, json);
                    if (shape == ExportShape.history) {
                      out.write(
                          Streams.line(
                              json.writeValueAsBytes(
                                  HistoryRow.of(lead, row.getString("history"), json))));
                    } else {
                      out.write(
                          format == ExportFormat.csv
                              ? LeadColumns.row(lead)
                              : Streams.line(lines.writeValueAsBytes(lead)));
                    }
                  }));
    };
  }

  private static void where(
      List<String> where, List<Object> parameters, String test, Object value) {
    if (value != null) {
      where.add(test);
      parameters.add(value);
    }
  }
}
