package dev.baton.lead;

import dev.baton.db.Ids;
import dev.baton.event.EventType;
import dev.baton.lead.PastRecords.PastCycle;
import dev.baton.lead.PastRecords.PastEvent;
import dev.baton.lead.PastRecords.PastFeedbackRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead's past, played ({@link HistoryReplay}): what an import writes for it. */
public final class Played {
  final Lead lead;
  final List<PastCycle> cycles = new ArrayList<>();
  final List<PastEvent> events = new ArrayList<>();
  final List<PastFeedbackRow> feedback = new ArrayList<>();
  int ratingSum;
  int ratingCount;
  int breaches;

  Played(Lead lead) {
    this.lead = lead;
  }

  public UUID leadId() {
    return lead.getId();
  }

  public String emailNormalized() {
    return lead.getEmailNormalized();
  }

  /** Open at the end of its past: the person's one open lead. */
  public boolean open() {
    return LeadRepository.OPEN.contains(lead.getStatus());
  }

  public List<ExternalRef> externalRefs() {
    return lead.getExternalRefs();
  }

  Lead lead() {
    return lead;
  }

  public java.time.Instant createdAt() {
    return lead.getCreatedAt();
  }

  List<PastCycle> cycles() {
    return cycles;
  }

  List<PastEvent> events() {
    return events;
  }

  List<PastFeedbackRow> feedback() {
    return feedback;
  }

  void closeCycle(Instant recycledAt) {
    cycles.add(
        new PastCycle(LeadCycles.Facts.of(lead), recycledAt, ratingSum, ratingCount, breaches));
    ratingSum = 0;
    ratingCount = 0;
    breaches = 0;
  }

  void event(EventType type, Instant at, LeadStatus from, LeadStatus to, Map<String, Object> data) {
    events.add(
        new PastEvent(
            Ids.next(),
            lead.getId(),
            type.value(),
            lead.getVersion(),
            at,
            from == null ? null : from.name(),
            to == null ? null : to.name(),
            data));
  }
}
