package dev.baton.lead;

import dev.baton.db.CopyRows;
import dev.baton.json.JsonColumns;
import dev.baton.sla.SlaClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A new lead as a row of table lead for {@code COPY}: the columns its entity maps, written from the
 * entity itself, so that an imported lead reads back as any other. A lead that is new has no
 * dispute, no assignee, no warning sent and no erasure: those columns are left to their defaults.
 */
final class LeadRows {

  static final String COLUMNS =
      "lead (id, status, email, email_normalized, first_name, last_name, phone, job_title,"
          + " company_name, company_domain, company_industry, company_size, company_country,"
          + " source, campaign, medium, content, term, utm_source, utm_medium, utm_campaign,"
          + " utm_term, utm_content, segment, score, qualification_note, owner, consent_granted,"
          + " consent_captured_at, consent_source, attributes, generated_at, qualified_at,"
          + " accepted_at, rejected_at, converted_at, rejection_reason, rejection_note,"
          + " opportunity_ref, amount, currency, recycle_count, version, created_at, updated_at,"
          + " previous_lead_id, sla_started_at, sla_deadline, sla_state, sla_decided_at,"
          + " sla_warn_at, sla_imported)";

  static final String REF_COLUMNS = "lead_external_ref (lead_id, system, external_id)";

  private LeadRows() {}

  /**
   * A new lead's row, written from its entity with the statements queued after it ({@link
   * dev.baton.db.Pipeline}) rather than by Hibernate's insert in an exchange of its own: {@link
   * #COLUMNS}, in their order ({@link #insert}).
   */
  static final String INSERT;

  static final String REF_INSERT =
      "INSERT INTO lead_external_ref (lead_id, system, external_id) VALUES (?, ?, ?)";

  static {
    String[] columns =
        COLUMNS.substring(COLUMNS.indexOf('(') + 1, COLUMNS.lastIndexOf(')')).split(", ");
    INSERT =
        "INSERT INTO "
            + COLUMNS
            + " VALUES ("
            + Arrays.stream(columns)
                .map(column -> column.equals("attributes") ? "CAST(? AS jsonb)" : "?")
                .collect(Collectors.joining(", "))
            + ")";
  }

  /** The values of {@link #INSERT}. */
  static Object[] insert(Lead lead) {
    List<Object> values = head(lead, JsonColumns::write);
    values.add(lead.getPreviousLeadId());
    values.addAll(tail(lead));
    return values.toArray();
  }

  /**
   * A lead's row written again from its entity: every column it maps but its id, the id last. A
   * move writes the lead it changed this way, queued with the statements it writes anyway ({@link
   * dev.baton.db.Pipeline}), rather than by Hibernate's update in an exchange of its own. (An
   * erased lead has no contact: its columns are null.) LeadRowsTest holds it to the entity's
   * mapping.
   */
  static final String UPDATE;

  private static final List<String> UPDATED;

  static {
    List<String> columns = new ArrayList<>();
    for (String column :
        COLUMNS.substring(COLUMNS.indexOf('(') + 1, COLUMNS.lastIndexOf(')')).split(", ")) {
      if (!column.equals("id")) {
        columns.add(column);
      }
    }
    columns.addAll(
        List.of(
            "erased_at",
            "sla_warned_at",
            "dispute_state",
            "dispute_reason",
            "dispute_note",
            "disputed_at",
            "disputed_by",
            "dispute_resolved_at",
            "dispute_resolved_by",
            "dispute_resolution_note",
            "assignee_id",
            "assignee_queue",
            "assigned_at"));
    UPDATED = List.copyOf(columns);
    UPDATE =
        "UPDATE lead SET ("
            + String.join(", ", UPDATED)
            + ") = ("
            + UPDATED.stream()
                .map(column -> column.equals("attributes") ? "CAST(? AS jsonb)" : "?")
                .collect(Collectors.joining(", "))
            + ") WHERE id = ?";
  }

  /** The columns {@link #UPDATE} writes, in its order. */
  static List<String> updated() {
    return UPDATED;
  }

  /** The values of {@link #UPDATE}: {@link #updated()}'s, then the id. */
  static Object[] update(Lead lead) {
    List<Object> values = head(lead, JsonColumns::write);
    values.remove(0); // the id, written last
    values.add(lead.getPreviousLeadId());
    values.addAll(tail(lead));
    LeadCycle cycle = lead.getCycle();
    SlaClock sla = cycle.getSla();
    Dispute dispute = cycle.getDispute();
    LeadRecords.DisputeView d = dispute == null ? null : dispute.view();
    LeadAssignee assignee = cycle.getAssignee();
    values.add(lead.getErasedAt());
    values.add(sla == null ? null : sla.getWarnedAt());
    values.add(d == null || d.state() == null ? null : d.state().name());
    values.add(d == null ? null : d.reason());
    values.add(d == null ? null : d.note());
    values.add(d == null ? null : d.openedAt());
    values.add(d == null ? null : d.openedBy());
    values.add(d == null ? null : d.resolvedAt());
    values.add(d == null ? null : d.resolvedBy());
    values.add(d == null ? null : d.resolutionNote());
    values.add(assignee == null ? null : assignee.memberId());
    values.add(assignee == null ? null : assignee.queue());
    values.add(assignee == null ? null : assignee.assignedAt());
    values.add(lead.getId());
    return values.toArray();
  }

  /** The row's columns before {@code previous_lead_id}, for {@code COPY}. */
  static void head(CopyRows out, Lead lead, Function<Object, String> json) {
    head(lead, json).forEach(out::add);
  }

  /** The row's columns after {@code previous_lead_id}, for {@code COPY}. */
  static void tail(CopyRows out, Lead lead) {
    List<Object> values = tail(lead);
    values.subList(0, values.size() - 1).forEach(out::add);
    out.last(values.get(values.size() - 1));
  }

  private static List<Object> head(Lead lead, Function<Object, String> json) {
    LeadDetails d = lead.getDetails();
    LeadContact contact = d.contact();
    LeadCompany company = d.company();
    LeadAttribution a = d.attribution();
    LeadConsent consent = d.consent();
    LeadCycle cycle = lead.getCycle();
    LeadRecords.StatusTimes times = cycle.times();
    LeadRecords.Rejection rejection = cycle.rejection();
    LeadRecords.Conversion conversion = cycle.conversion();
    return new ArrayList<>(
        Arrays.asList(
            lead.getId(),
            lead.getStatus().name(),
            contact == null ? null : contact.email(),
            contact == null ? null : contact.emailNormalized(),
            contact == null ? null : contact.firstName(),
            contact == null ? null : contact.lastName(),
            contact == null ? null : contact.phone(),
            contact == null ? null : contact.jobTitle(),
            company == null ? null : company.name(),
            company == null ? null : company.domain(),
            company == null ? null : company.industry(),
            company == null ? null : company.size(),
            company == null ? null : company.country(),
            a.source(),
            a.campaign(),
            a.medium(),
            a.content(),
            a.term(),
            a.utmSource(),
            a.utmMedium(),
            a.utmCampaign(),
            a.utmTerm(),
            a.utmContent(),
            d.segment(),
            lead.getScore(),
            lead.getQualificationNote(),
            cycle.getOwner(),
            consent == null ? null : consent.granted(),
            consent == null ? null : consent.capturedAt(),
            consent == null ? null : consent.source(),
            json.apply(d.attributes() == null ? Map.of() : d.attributes()),
            times.generatedAt(),
            times.qualifiedAt(),
            times.acceptedAt(),
            times.rejectedAt(),
            times.convertedAt(),
            rejection == null ? null : rejection.reason(),
            rejection == null ? null : rejection.note(),
            conversion.opportunityRef(),
            conversion.amount(),
            conversion.currency(),
            cycle.getRecycleCount(),
            lead.getVersion(),
            lead.getCreatedAt(),
            lead.getUpdatedAt()));
  }

  private static List<Object> tail(Lead lead) {
    SlaClock sla = lead.getCycle().getSla();
    return new ArrayList<>(
        Arrays.asList(
            sla == null ? null : sla.getStartedAt(),
            sla == null ? null : sla.getDeadline(),
            sla == null ? null : sla.getState().name(),
            sla == null ? null : sla.getDecidedAt(),
            sla == null ? null : sla.getWarnAt(),
            sla == null ? null : sla.getImported()));
  }

  static void refs(CopyRows out, Lead lead) {
    for (ExternalRef ref : lead.getExternalRefs()) {
      out.add(lead.getId()).add(ref.system()).last(ref.id());
    }
  }
}
