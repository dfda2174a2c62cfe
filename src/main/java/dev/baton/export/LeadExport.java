package dev.baton.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.baton.db.Conditions;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadStatus;
import dev.baton.sla.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.time.Instant;
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
    Conditions where =
        new Conditions()
            .when("l.status = ?", filter.status() == null ? null : filter.status().name())
            .when("l.source = ?", filter.source())
            .when("l.campaign = ?", filter.campaign())
            .when("l.segment = ?", filter.segment())
            .when("l.sla_state = ?", filter.slaState() == null ? null : filter.slaState().name())
            .when("l.updated_at >= ?", filter.updatedSince())
            .when("l.created_at >= ?", filter.createdFrom())
            .when("l.created_at < ?", filter.createdTo());
    if (after != null) {
      where.add("(l.created_at, l.id) > (?, ?)", after.createdAt(), after.id());
    }
    String sql =
        "SELECT "
            + LeadRow.COLUMNS
            + (shape == ExportShape.history ? ", " + HistoryRow.EVENTS : "")
            + " FROM "
            + LeadRow.FROM
            + where.where()
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
                  where.values(),
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
}
