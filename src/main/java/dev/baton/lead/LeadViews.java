package dev.baton.lead;

import dev.baton.lead.LeadRecords.LeadChanges;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.SlaView;
import dev.baton.sla.SlaClock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A lead as the API shows it: {@link LeadView}, from the entity and its parts. */
final class LeadViews {

  private LeadViews() {}

  static LeadView of(Lead lead) {
    return of(lead, lead.getExternalRefs());
  }

  /**
   * The lead with {@code externalRefs}, read apart from it: in the order of their systems, however
   * they were read or given.
   */
  static LeadView of(Lead lead, List<ExternalRef> externalRefs) {
    LeadChanges details = lead.editable();
    LeadCycle cycle = lead.getCycle();
    SlaClock sla = cycle.getSla();
    Dispute dispute = cycle.getDispute();
    return new LeadView(
        lead.getId(),
        lead.getStatus(),
        lead.isErased() ? null : details.contact(),
        details.company(),
        details.attribution(),
        details.segment(),
        lead.getScore(),
        lead.getQualificationNote(),
        cycle.getOwner(),
        cycle.getAssignee(),
        details.consent(),
        details.attributes() == null ? Map.of() : details.attributes(),
        cycle.times(),
        lead.getStatus() == LeadStatus.REJECTED ? cycle.rejection() : null,
        lead.getStatus() == LeadStatus.CONVERTED ? cycle.conversion() : null,
        sla == null
            ? null
            : new SlaView(
                sla.getState(), sla.getStartedAt(), sla.getDeadline(), sla.getDecidedAt()),
        dispute == null ? null : dispute.view(),
        cycle.getRecycleCount(),
        lead.getVersion(),
        lead.getCreatedAt(),
        lead.getUpdatedAt(),
        externalRefs.stream().sorted(Comparator.comparing(ExternalRef::system)).toList(),
        lead.getPreviousLeadId(),
        lead.getErasedAt());
  }
}
