package dev.baton.lead;

import dev.baton.db.CopyRows;
import dev.baton.sla.SlaClock;
import java.util.function.Function;

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

  /** The row's columns before {@code previous_lead_id}. */
  static void head(CopyRows out, Lead lead, Function<Object, String> json) {
    LeadDetails d = lead.getDetails();
    LeadContact contact = d.contact();
    LeadCompany company = d.company();
    LeadAttribution a = d.attribution();
    LeadConsent consent = d.consent();
    LeadCycle cycle = lead.getCycle();
    LeadRecords.StatusTimes times = cycle.times();
    LeadRecords.Rejection rejection = cycle.rejection();
    LeadRecords.Conversion conversion = cycle.conversion();
    out.add(lead.getId())
        .add(lead.getStatus().name())
        .add(contact.email())
        .add(contact.emailNormalized())
        .add(contact.firstName())
        .add(contact.lastName())
        .add(contact.phone())
        .add(contact.jobTitle())
        .add(company == null ? null : company.name())
        .add(company == null ? null : company.domain())
        .add(company == null ? null : company.industry())
        .add(company == null ? null : company.size())
        .add(company == null ? null : company.country())
        .add(a.source())
        .add(a.campaign())
        .add(a.medium())
        .add(a.content())
        .add(a.term())
        .add(a.utmSource())
        .add(a.utmMedium())
        .add(a.utmCampaign())
        .add(a.utmTerm())
        .add(a.utmContent())
        .add(d.segment())
        .add(lead.getScore())
        .add(lead.getQualificationNote())
        .add(cycle.getOwner())
        .add(consent == null ? null : consent.granted())
        .add(consent == null ? null : consent.capturedAt())
        .add(consent == null ? null : consent.source())
        .add(json.apply(d.attributes() == null ? java.util.Map.of() : d.attributes()))
        .add(times.generatedAt())
        .add(times.qualifiedAt())
        .add(times.acceptedAt())
        .add(times.rejectedAt())
        .add(times.convertedAt())
        .add(rejection == null ? null : rejection.reason())
        .add(rejection == null ? null : rejection.note())
        .add(conversion.opportunityRef())
        .add(conversion.amount())
        .add(conversion.currency())
        .add(cycle.getRecycleCount())
        .add(lead.getVersion())
        .add(lead.getCreatedAt())
        .add(lead.getUpdatedAt());
  }

  /** The row's columns after {@code previous_lead_id}. */
  static void tail(CopyRows out, Lead lead) {
    SlaClock sla = lead.getCycle().getSla();
    out.add(sla == null ? null : sla.getStartedAt())
        .add(sla == null ? null : sla.getDeadline())
        .add(sla == null ? null : sla.getState().name())
        .add(sla == null ? null : sla.getDecidedAt())
        .add(sla == null ? null : sla.getWarnAt())
        .last(sla == null ? null : sla.isImported());
  }

  static void refs(CopyRows out, Lead lead) {
    for (ExternalRef ref : lead.getExternalRefs()) {
      out.add(lead.getId()).add(ref.system()).last(ref.id());
    }
  }
}
