package dev.baton.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** Marketing's contest of a rejection, and sales's answer: the lead's latest one. */
@Embeddable
public class Dispute {

  @Enumerated(EnumType.STRING)
  @Column(name = "dispute_state")
  private DisputeState state;

  @Column(name = "dispute_reason")
  private String reason;

  @Column(name = "dispute_note")
  private String note;

  @Column(name = "disputed_at")
  private Instant openedAt;

  @Column(name = "disputed_by")
  private String openedBy;

  @Column(name = "dispute_resolved_at")
  private Instant resolvedAt;

  @Column(name = "dispute_resolved_by")
  private String resolvedBy;

  @Column(name = "dispute_resolution_note")
  private String resolutionNote;

  protected Dispute() {}

  /** A dispute as its lead's row stores it, read back without Hibernate. */
  static Dispute stored(LeadRecords.DisputeView view) {
    Dispute dispute = new Dispute();
    dispute.state = view.state();
    dispute.reason = view.reason();
    dispute.note = view.note();
    dispute.openedAt = view.openedAt();
    dispute.openedBy = view.openedBy();
    dispute.resolvedAt = view.resolvedAt();
    dispute.resolvedBy = view.resolvedBy();
    dispute.resolutionNote = view.resolutionNote();
    return dispute;
  }

  static Dispute open(String reason, String note, String by, Instant now) {
    Dispute dispute = new Dispute();
    dispute.state = DisputeState.OPEN;
    dispute.reason = reason;
    dispute.note = note;
    dispute.openedBy = by;
    dispute.openedAt = now;
    return dispute;
  }

  void resolve(DisputeState outcome, String note, String by, Instant now) {
    state = outcome;
    resolutionNote = note;
    resolvedBy = by;
    resolvedAt = now;
  }

  /** The notes are free text about the person; the outcome and who decided it stay. */
  void erase() {
    note = null;
    resolutionNote = null;
  }

  boolean isOpen() {
    return state == DisputeState.OPEN;
  }

  LeadRecords.DisputeView view() {
    return new LeadRecords.DisputeView(
        state, reason, note, openedAt, openedBy, resolvedAt, resolvedBy, resolutionNote);
  }
}
