package dev.baton.lead;

import dev.baton.json.JsonColumns;
import dev.baton.reason.RejectionReason;
import dev.baton.sla.SlaClock;
import dev.baton.sla.SlaState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.util.PGobject;

/**
 * A lead read from its row in plain SQL, for a move ({@link LeadRepository#lockToWrite}): building
 * it through Hibernate's query was 39–48% of a move's time in Java (docs/performance.md). It reads
 * every column the entity maps ({@link LeadRows#updated()}) as Hibernate would: an embedded part
 * whose columns are all null is no part. LeadRowReaderTest holds it to Hibernate's reading.
 */
final class LeadRowReader {

  private static final List<String> COLUMNS;

  private static final Map<String, Integer> INDEX = new HashMap<>();

  /** Every column of table lead the entity maps, for a query to complete ({@link LeadPages}). */
  static final String SELECT;

  /** The lead, locked as Hibernate locks it for a write on PostgreSQL. */
  static final String LOCK;

  /**
   * The lead's external ids; read after {@link #LOCK}, it sees what the last holder committed.
   * Every writer of them holds the lead's row lock (a handoff writes them with its new lead, an
   * erasure deletes them under {@link LeadRepository#lock}): their foreign key's share lock alone
   * would not wait for {@code FOR NO KEY UPDATE}.
   */
  static final String REFS =
      "SELECT system, external_id FROM lead_external_ref WHERE lead_id = ? ORDER BY system"
          + " COLLATE \"C\"";

  static {
    List<String> columns = new ArrayList<>();
    columns.add("id");
    columns.addAll(LeadRows.updated());
    COLUMNS = List.copyOf(columns);
    for (int i = 0; i < COLUMNS.size(); i++) {
      INDEX.put(COLUMNS.get(i), i);
    }
    SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM lead";
    LOCK = SELECT + " WHERE id = ? FOR NO KEY UPDATE";
  }

  private LeadRowReader() {}

  /**
   * The lead of a row of {@link #LOCK} with the rows of {@link #REFS}; {@code reasons} gives the
   * rejection reason of a code (Hibernate's reference: the reason is read only if asked for).
   */
  static Lead read(
      Object[] values, List<Object[]> refs, Function<String, RejectionReason> reasons) {
    Row row = new Row(values);
    List<ExternalRef> externalRefs = new ArrayList<>();
    for (Object[] ref : refs) {
      externalRefs.add(new ExternalRef((String) ref[0], (String) ref[1]));
    }
    return new Lead(
        new LeadState(
            (UUID) row.get("id"),
            LeadStatus.valueOf((String) row.get("status")),
            (Instant) row.get("erased_at"),
            (UUID) row.get("previous_lead_id"),
            externalRefs,
            details(row),
            (Integer) row.get("score"),
            (String) row.get("qualification_note"),
            new LeadCycle(cycle(row, reasons)),
            (Long) row.get("version"),
            (Instant) row.get("created_at"),
            (Instant) row.get("updated_at")));
  }

  private static LeadDetails details(Row row) {
    Object[] c =
        row.part("email", "email_normalized", "first_name", "last_name", "phone", "job_title");
    Object[] o =
        row.part(
            "company_name",
            "company_domain",
            "company_industry",
            "company_size",
            "company_country");
    Object[] a =
        row.part(
            "source",
            "campaign",
            "medium",
            "content",
            "term",
            "utm_source",
            "utm_medium",
            "utm_campaign",
            "utm_term",
            "utm_content");
    Object[] consent = row.part("consent_granted", "consent_captured_at", "consent_source");
    return new LeadDetails(
        c == null
            ? null
            : new LeadContact(
                text(c[0]), text(c[1]), text(c[2]), text(c[3]), text(c[4]), text(c[5])),
        o == null
            ? null
            : new LeadCompany(text(o[0]), text(o[1]), text(o[2]), text(o[3]), text(o[4])),
        a == null
            ? null
            : new LeadAttribution(
                text(a[0]),
                text(a[1]),
                text(a[2]),
                text(a[3]),
                text(a[4]),
                text(a[5]),
                text(a[6]),
                text(a[7]),
                text(a[8]),
                text(a[9])),
        (String) row.get("segment"),
        consent == null
            ? null
            : new LeadConsent((Boolean) consent[0], (Instant) consent[1], text(consent[2])),
        JsonColumns.readObject((String) row.get("attributes")));
  }

  private static LeadState.Cycle cycle(Row row, Function<String, RejectionReason> reasons) {
    Object[] sla =
        row.part(
            "sla_started_at",
            "sla_deadline",
            "sla_state",
            "sla_decided_at",
            "sla_warn_at",
            "sla_warned_at",
            "sla_imported");
    Object[] d =
        row.part(
            "dispute_state",
            "dispute_reason",
            "dispute_note",
            "disputed_at",
            "disputed_by",
            "dispute_resolved_at",
            "dispute_resolved_by",
            "dispute_resolution_note");
    Object[] assignee = row.part("assignee_id", "assignee_queue", "assigned_at");
    String reason = (String) row.get("rejection_reason");
    return new LeadState.Cycle(
        (Integer) row.get("recycle_count"),
        (Instant) row.get("generated_at"),
        (Instant) row.get("qualified_at"),
        (Instant) row.get("accepted_at"),
        (Instant) row.get("rejected_at"),
        (Instant) row.get("converted_at"),
        (String) row.get("owner"),
        reason == null ? null : reasons.apply(reason),
        (String) row.get("rejection_note"),
        (String) row.get("opportunity_ref"),
        (BigDecimal) row.get("amount"),
        (String) row.get("currency"),
        sla == null
            ? null
            : SlaClock.stored(
                (Instant) sla[0],
                (Instant) sla[1],
                sla[2] == null ? null : SlaState.valueOf(text(sla[2])),
                (Instant) sla[3],
                (Instant) sla[4],
                (Instant) sla[5],
                (Boolean) sla[6]),
        d == null
            ? null
            : Dispute.stored(
                new LeadRecords.DisputeView(
                    d[0] == null ? null : DisputeState.valueOf(text(d[0])),
                    text(d[1]),
                    text(d[2]),
                    (Instant) d[3],
                    text(d[4]),
                    (Instant) d[5],
                    text(d[6]),
                    text(d[7]))),
        assignee == null
            ? null
            : new LeadAssignee(text(assignee[0]), text(assignee[1]), (Instant) assignee[2]));
  }

  private static String text(Object value) {
    return (String) value;
  }

  /**
   * A row of {@link #SELECT}, by column name ({@link dev.baton.db.Pipeline}'s: timestamps as
   * instants), jsonb as its text.
   */
  private record Row(Object[] values) {

    Object get(String column) {
      Object value = values[INDEX.get(column)];
      return value instanceof PGobject json ? json.getValue() : value;
    }

    /** The columns of an embedded part, or null when all are null (no part). */
    Object[] part(String... columns) {
      Object[] part = new Object[columns.length];
      boolean any = false;
      for (int i = 0; i < columns.length; i++) {
        part[i] = get(columns[i]);
        any |= part[i] != null;
      }
      return any ? part : null;
    }
  }
}
