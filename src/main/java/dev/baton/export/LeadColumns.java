package dev.baton.export;

import dev.baton.lead.LeadRecords.Attribution;
import dev.baton.lead.LeadRecords.Company;
import dev.baton.lead.LeadRecords.Contact;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.StatusTimes;
import java.util.stream.Collectors;

/**
 * A lead as one flat CSV row, read from the same {@link LeadView} the NDJSON export writes, so the
 * two formats never disagree (an erased lead has empty contact columns in both). Nested parts the
 * row has no room for (consent, attributes, SLA, dispute, assignee) are in the NDJSON export only.
 */
final class LeadColumns {

  static final String[] NAMES = {
    "id",
    "status",
    "email",
    "firstName",
    "lastName",
    "phone",
    "jobTitle",
    "companyName",
    "companyDomain",
    "companyIndustry",
    "companySize",
    "companyCountry",
    "source",
    "campaign",
    "medium",
    "content",
    "term",
    "utmSource",
    "utmMedium",
    "utmCampaign",
    "utmTerm",
    "utmContent",
    "segment",
    "score",
    "owner",
    "generatedAt",
    "qualifiedAt",
    "acceptedAt",
    "rejectedAt",
    "convertedAt",
    "rejectionReason",
    "amount",
    "currency",
    "recycleCount",
    "erasedAt",
    "createdAt",
    "updatedAt",
    "externalRefs"
  };

  private LeadColumns() {}

  static byte[] header() {
    return Csv.header(NAMES);
  }

  static byte[] row(LeadView lead) {
    Contact contact = lead.contact();
    Company company = lead.company();
    Attribution a = lead.attribution();
    StatusTimes times = lead.statusTimes();
    Csv csv = new Csv().add(lead.id()).add(lead.status());
    if (contact == null) {
      csv.add((String) null).add((String) null).add((String) null).add((String) null);
      csv.add((String) null);
    } else {
      csv.add(contact.email()).add(contact.firstName()).add(contact.lastName());
      csv.add(contact.phone()).add(contact.jobTitle());
    }
    if (company == null) {
      csv.add((String) null).add((String) null).add((String) null).add((String) null);
      csv.add((String) null);
    } else {
      csv.add(company.name()).add(company.domain()).add(company.industry());
      csv.add(company.size()).add(company.country());
    }
    csv.add(a.source()).add(a.campaign()).add(a.medium()).add(a.content()).add(a.term());
    csv.add(a.utmSource()).add(a.utmMedium()).add(a.utmCampaign()).add(a.utmTerm());
    csv.add(a.utmContent());
    csv.add(lead.segment()).add(lead.score()).add(lead.owner());
    csv.add(times.generatedAt()).add(times.qualifiedAt()).add(times.acceptedAt());
    csv.add(times.rejectedAt()).add(times.convertedAt());
    csv.add(lead.rejection() == null ? null : lead.rejection().reason());
    csv.add(lead.conversion() == null ? null : lead.conversion().amount());
    csv.add(lead.conversion() == null ? null : lead.conversion().currency());
    csv.add(lead.recycleCount()).add(lead.erasedAt()).add(lead.createdAt()).add(lead.updatedAt());
    // system:id;system:id — a system has no colon or semicolon (ExternalRef.SYSTEM)
    csv.add(
        lead.externalRefs().stream()
            .map(ref -> ref.system() + ":" + ref.id())
            .collect(Collectors.joining(";")));
    return csv.bytes();
  }
}
