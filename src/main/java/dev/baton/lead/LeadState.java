package dev.baton.lead;

import dev.baton.db.Ids;
import dev.baton.lead.LeadRecords.InitialStatus;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.reason.RejectionReason;
import dev.baton.sla.SlaClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a {@link Lead} is made of, its parts built: a new lead's, handed off ({@link #handedOff}),
 * or a stored one's, read from its row without Hibernate ({@link LeadRowReader}).
 */
record LeadState(
    UUID id,
    LeadStatus status,
    Instant erasedAt,
    UUID previousLeadId,
    List<ExternalRef> externalRefs,
    LeadDetails details,
    Integer score,
    String qualificationNote,
    LeadCycle cycle,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** What a {@link LeadCycle} is made of. */
  record Cycle(
      int recycleCount,
      Instant generatedAt,
      Instant qualifiedAt,
      Instant acceptedAt,
      Instant rejectedAt,
      Instant convertedAt,
      String owner,
      RejectionReason rejectionReason,
      String rejectionNote,
      String opportunityRef,
      BigDecimal amount,
      String currency,
      SlaClock sla,
      Dispute dispute,
      LeadAssignee assignee) {}

  /** A lead handed off now, in its first cycle: GENERATED, or QUALIFIED when it says so. */
  static LeadState handedOff(NewLead request, Instant now) {
    LeadStatus status =
        request.status() == InitialStatus.QUALIFIED ? LeadStatus.QUALIFIED : LeadStatus.GENERATED;
    return new LeadState(
        Ids.next(),
        status,
        null,
        null,
        request.externalRefs() == null
            ? new ArrayList<>()
            : new ArrayList<>(request.externalRefs()),
        LeadDetails.of(request.changes()),
        request.score(),
        request.qualificationNote(),
        LeadCycle.first(status, now),
        1,
        now,
        now);
  }
}
