package dev.baton.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.lead.DisputeState;
import dev.baton.lead.ExternalRef;
import dev.baton.lead.LeadAssignee;
import dev.baton.lead.LeadRecords.Attribution;
import dev.baton.lead.LeadRecords.Company;
import dev.baton.lead.LeadRecords.Consent;
import dev.baton.lead.LeadRecords.Contact;
import dev.baton.lead.LeadRecords.Conversion;
import dev.baton.lead.LeadRecords.DisputeView;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.Rejection;
import dev.baton.lead.LeadRecords.SlaView;
import dev.baton.lead.LeadRecords.StatusTimes;
import dev.baton.lead.LeadStatus;
import dev.baton.reason.Accountable;
import dev.baton.sla.SlaState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lead row of the export's query read as the API shows the lead ({@link LeadView}, what {@code
 * GET /api/v1/leads/{id}} answers), by the rules of the entity's mapping: a part whose columns are
 * all empty is absent, an erased lead has no contact, a rejection shows while REJECTED and a
 * conversion once CONVERTED. ExportLeadsTest compares every line with the API's own answer.
 */
final class LeadRow {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** The select list, over lead l left-joined to rejection_reason r. */
  static final String COLUMNS =
      "l.id, l.status, l.erased_at, l.email, l.email_normalized, l.first_name, l.last_name,"
          + " l.phone, l.job_title, l.company_name, l.company_domain, l.company_industry,"
          + " l.company_size, l.company_country, l.source, l.campaign, l.medium, l.content, l.term,"
          + " l.utm_source, l.utm_medium, l.utm_campaign, l.utm_term, l.utm_content, l.segment,"
          + " l.score, l.qualification_note, l.owner, l.assignee_id, l.assignee_queue,"
          + " l.assigned_at, l.consent_granted, l.consent_captured_at, l.consent_source,"
          + " l.attributes::text AS attributes, l.generated_at, l.qualified_at, l.accepted_at,"
          + " l.rejected_at, l.converted_at, l.rejection_reason, r.accountable, l.rejection_note,"
          + " l.opportunity_ref, l.amount, l.currency, l.sla_started_at, l.sla_deadline,"
          + " l.sla_state, l.sla_decided_at, l.sla_warn_at, l.sla_warned_at, l.dispute_state,"
          + " l.dispute_reason, l.dispute_note, l.disputed_at, l.disputed_by,"
          + " l.dispute_resolved_at, l.dispute_resolved_by, l.dispute_resolution_note,"
          + " l.recycle_count, l.version, l.created_at, l.updated_at, l.previous_lead_id,"
          // system:id; a system has no colon (ExternalRef.SYSTEM)
          + " ARRAY(SELECT x.system || ':' || x.external_id FROM lead_external_ref x"
          + " WHERE x.lead_id = l.id ORDER BY x.system COLLATE \"C\") AS external_refs";

  static final String FROM = "lead l LEFT JOIN rejection_reason r ON r.code = l.rejection_reason";

  private LeadRow() {}

  static LeadView read(ResultSet row, ObjectMapper json) throws SQLException {
    LeadStatus status = LeadStatus.valueOf(row.getString("status"));
    Instant erasedAt = instant(row, "erased_at");
    return new LeadView(
        row.getObject("id", UUID.class),
        status,
        erasedAt != null ? null : contact(row),
        company(row),
        attribution(row),
        row.getString("segment"),
        row.getObject("score", Integer.class),
        row.getString("qualification_note"),
        row.getString("owner"),
        anyPresent(row, "assignee_id", "assignee_queue", "assigned_at")
            ? new LeadAssignee(
                row.getString("assignee_id"),
                row.getString("assignee_queue"),
                instant(row, "assigned_at"))
            : null,
        consent(row),
        attributes(row.getString("attributes"), json),
        new StatusTimes(
            instant(row, "generated_at"),
            instant(row, "qualified_at"),
            instant(row, "accepted_at"),
            instant(row, "rejected_at"),
            instant(row, "converted_at")),
        status == LeadStatus.REJECTED && row.getString("rejection_reason") != null
            ? new Rejection(
                row.getString("rejection_reason"),
                Accountable.valueOf(row.getString("accountable")),
                row.getString("rejection_note"))
            : null,
        status == LeadStatus.CONVERTED
            ? new Conversion(
                row.getString("opportunity_ref"),
                row.getBigDecimal("amount"),
                row.getString("currency"))
            : null,
        sla(row),
        dispute(row),
        row.getInt("recycle_count"),
        row.getLong("version"),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        externalRefs(row),
        row.getObject("previous_lead_id", UUID.class),
        erasedAt);
  }

  private static Contact contact(ResultSet row) throws SQLException {
    if (!anyPresent(
        row, "email", "email_normalized", "first_name", "last_name", "phone", "job_title")) {
      return null;
    }
    return new Contact(
        row.getString("email"),
        row.getString("first_name"),
        row.getString("last_name"),
        row.getString("phone"),
        row.getString("job_title"));
  }

  private static Company company(ResultSet row) throws SQLException {
    String[] columns = {
      "company_name", "company_domain", "company_industry", "company_size", "company_country"
    };
    if (!anyPresent(row, columns)) {
      return null;
    }
    return new Company(
        row.getString(columns[0]),
        row.getString(columns[1]),
        row.getString(columns[2]),
        row.getString(columns[3]),
        row.getString(columns[4]));
  }

  private static Attribution attribution(ResultSet row) throws SQLException {
    return new Attribution(
        row.getString("source"),
        row.getString("campaign"),
        row.getString("medium"),
        row.getString("content"),
        row.getString("term"),
        row.getString("utm_source"),
        row.getString("utm_medium"),
        row.getString("utm_campaign"),
        row.getString("utm_term"),
        row.getString("utm_content"));
  }

  private static Consent consent(ResultSet row) throws SQLException {
    Boolean granted = row.getObject("consent_granted", Boolean.class);
    return granted == null
        ? null
        : new Consent(
            granted, instant(row, "consent_captured_at"), row.getString("consent_source"));
  }

  private static SlaView sla(ResultSet row) throws SQLException {
    if (!anyPresent(
        row,
        "sla_started_at",
        "sla_deadline",
        "sla_state",
        "sla_decided_at",
        "sla_warn_at",
        "sla_warned_at")) {
      return null;
    }
    String state = row.getString("sla_state");
    return new SlaView(
        state == null ? null : SlaState.valueOf(state),
        instant(row, "sla_started_at"),
        instant(row, "sla_deadline"),
        instant(row, "sla_decided_at"));
  }

  private static DisputeView dispute(ResultSet row) throws SQLException {
    String[] columns = {
      "dispute_state",
      "dispute_reason",
      "dispute_note",
      "disputed_at",
      "disputed_by",
      "dispute_resolved_at",
      "dispute_resolved_by",
      "dispute_resolution_note"
    };
    if (!anyPresent(row, columns)) {
      return null;
    }
    String state = row.getString("dispute_state");
    return new DisputeView(
        state == null ? null : DisputeState.valueOf(state),
        row.getString("dispute_reason"),
        row.getString("dispute_note"),
        instant(row, "disputed_at"),
        row.getString("disputed_by"),
        instant(row, "dispute_resolved_at"),
        row.getString("dispute_resolved_by"),
        row.getString("dispute_resolution_note"));
  }

  private static Map<String, Object> attributes(String text, ObjectMapper json) {
    try {
      return text == null ? Map.of() : json.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("lead attributes are not a JSON object", e);
    }
  }

  private static List<ExternalRef> externalRefs(ResultSet row) throws SQLException {
    String[] refs = (String[]) row.getArray("external_refs").getArray();
    List<ExternalRef> list = new ArrayList<>(refs.length);
    for (String ref : refs) {
      int colon = ref.indexOf(':');
      list.add(new ExternalRef(ref.substring(0, colon), ref.substring(colon + 1)));
    }
    return list;
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static boolean anyPresent(ResultSet row, String... columns) throws SQLException {
    for (String column : columns) {
      if (row.getObject(column) != null) {
        return true;
      }
    }
    return false;
  }
}
