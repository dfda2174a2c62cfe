package dev.baton.lead;

import dev.baton.lead.LeadRecords.Conversion;
import dev.baton.lead.LeadRecords.Rejection;
import dev.baton.lead.LeadRecords.StatusTimes;
import dev.baton.reason.RejectionReason;
import dev.baton.sla.SlaClock;
import dev.baton.sla.SlaTerms;
import dev.baton.sla.WorkingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lead's current cycle through the funnel: when it entered each status, sales's answer (owner,
 * rejection, conversion), the acceptance clock and the latest dispute of a rejection. The handoff
 * starts the first cycle, each recycle the next; {@link LeadCycles} keeps the facts of every one.
 */
@Embeddable
public class LeadCycle {

  /** 0 for the handoff's cycle, one more for each recycle. */
  @Column(name = "recycle_count", nullable = false)
  private int recycleCount;

  @Column(name = "generated_at")
  private Instant generatedAt;

  @Column(name = "qualified_at")
  private Instant qualifiedAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "rejected_at")
  private Instant rejectedAt;

  @Column(name = "converted_at")
  private Instant convertedAt;

  @Column(name = "owner")
  private String owner;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "rejection_reason")
  private RejectionReason rejectionReason;

  @Column(name = "rejection_note")
  private String rejectionNote;

  @Column(name = "opportunity_ref")
  private String opportunityRef;

  @Column(name = "amount")
  private BigDecimal amount;

  @Column(name = "currency")
  private String currency;

  @Embedded private SlaClock sla;

  @Embedded private Dispute dispute;

  @Embedded private LeadAssignee assignee;

  protected LeadCycle() {}

  /** A cycle made of its parts, read from its lead's row ({@link LeadRowReader}). */
  LeadCycle(LeadState.Cycle state) {
    this.recycleCount = state.recycleCount();
    this.generatedAt = state.generatedAt();
    this.qualifiedAt = state.qualifiedAt();
    this.acceptedAt = state.acceptedAt();
    this.rejectedAt = state.rejectedAt();
    this.convertedAt = state.convertedAt();
    this.owner = state.owner();
    this.rejectionReason = state.rejectionReason();
    this.rejectionNote = state.rejectionNote();
    this.opportunityRef = state.opportunityRef();
    this.amount = state.amount();
    this.currency = state.currency();
    this.sla = state.sla();
    this.dispute = state.dispute();
    this.assignee = state.assignee();
  }

  /** The handoff's cycle, entered as GENERATED or directly as QUALIFIED. */
  static LeadCycle first(LeadStatus status, Instant now) {
    LeadCycle cycle = new LeadCycle();
    if (status == LeadStatus.QUALIFIED) {
      cycle.qualifiedAt = now;
    } else {
      cycle.generatedAt = now;
    }
    return cycle;
  }

  /** Starts the acceptance clock of a lead that just entered QUALIFIED. */
  void startSla(Instant now, SlaTerms allowed) {
    this.sla = SlaClock.start(now, allowed, WorkingTime.CALENDAR);
  }

  /** The clock starts again from its start, counting {@code time}: the assignee's hours. */
  void countSlaIn(SlaTerms terms, WorkingTime time) {
    this.sla = SlaClock.start(sla.getStartedAt(), terms, time);
  }

  void qualified(Instant now, SlaTerms allowed) {
    this.qualifiedAt = now;
    startSla(now, allowed);
  }

  void accepted(String owner, Instant now) {
    this.acceptedAt = now;
    this.owner = owner;
    stopSla(now);
  }

  void rejected(RejectionReason reason, String note, Instant now) {
    this.rejectedAt = now;
    this.rejectionReason = reason;
    this.rejectionNote = note;
    stopSla(now);
  }

  void converted(String opportunityRef, BigDecimal amount, String currency, Instant now) {
    this.convertedAt = now;
    this.opportunityRef = opportunityRef;
    this.amount = amount;
    this.currency = currency;
  }

  /** Sales answered: a running clock stops, MET in time, BREACHED late. */
  private void stopSla(Instant now) {
    if (sla != null && sla.isRunning()) {
      sla.stop(now);
    }
  }

  /** The breach job's check: true when the deadline passed unanswered and nobody noticed yet. */
  boolean breachSla(Instant now) {
    return sla != null && sla.breach(now);
  }

  /**
   * Back to nurture: the next cycle starts. This cycle's times, decision, clock and dispute are
   * cleared (they stay in the lead's history and in the funnel's facts).
   */
  void next(Instant now) {
    this.recycleCount++;
    this.generatedAt = now;
    this.qualifiedAt = null;
    this.acceptedAt = null;
    this.rejectedAt = null;
    this.rejectionReason = null;
    this.rejectionNote = null;
    this.owner = null;
    this.sla = null;
    this.dispute = null;
    this.assignee = null;
  }

  /** Routing chose who answers it in this cycle (again, on a reassignment). */
  void assign(String memberId, String queue, Instant now) {
    this.assignee = new LeadAssignee(memberId, queue, now);
  }

  LeadAssignee getAssignee() {
    return assignee;
  }

  void openDispute(String note, String by, Instant now) {
    this.dispute = Dispute.open(rejectionReason.getCode(), note, by, now);
  }

  boolean hasOpenDispute() {
    return dispute != null && dispute.isOpen();
  }

  /** Sales had a qualified lead in this cycle: its rejection is sales's, and may be disputed. */
  boolean wasQualified() {
    return qualifiedAt != null;
  }

  void upholdRejection(String note, String by, Instant now) {
    dispute.resolve(DisputeState.UPHELD, note, by, now);
  }

  /**
   * The rejection is withdrawn: QUALIFIED again, waiting for sales with a fresh acceptance clock;
   * the previous acceptance (if it was rejected after one) is undone with it.
   */
  void overturnRejection(String note, String by, Instant now, SlaTerms allowed) {
    dispute.resolve(DisputeState.OVERTURNED, note, by, now);
    this.qualifiedAt = now;
    this.acceptedAt = null;
    this.rejectedAt = null;
    this.rejectionReason = null;
    this.rejectionNote = null;
    this.owner = null;
    startSla(now, allowed);
  }

  /** The free text about the person: rejection and dispute notes, the opportunity reference. */
  void forgetFreeText() {
    this.rejectionNote = null;
    this.opportunityRef = null;
    if (dispute != null) {
      dispute.erase();
    }
  }

  int getRecycleCount() {
    return recycleCount;
  }

  StatusTimes times() {
    return new StatusTimes(generatedAt, qualifiedAt, acceptedAt, rejectedAt, convertedAt);
  }

  String getOwner() {
    return owner;
  }

  /** The reason sales (or marketing) gave, if it was rejected in this cycle. */
  Rejection rejection() {
    return rejectionReason == null
        ? null
        : new Rejection(rejectionReason.getCode(), rejectionReason.getAccountable(), rejectionNote);
  }

  Conversion conversion() {
    return new Conversion(opportunityRef, amount, currency);
  }

  SlaClock getSla() {
    return sla;
  }

  Dispute getDispute() {
    return dispute;
  }
}
