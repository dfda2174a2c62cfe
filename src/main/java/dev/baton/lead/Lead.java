package dev.baton.lead;

import dev.baton.lead.LeadRecords.LeadChanges;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.paging.Cursor;
import dev.baton.reason.RejectionReason;
import dev.baton.sla.SlaTerms;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * A lead and where it stands: its editable {@link LeadDetails} and its current {@link LeadCycle}
 * through the funnel. Its state changes only through the methods below: the funnel moves, called by
 * {@link FunnelService} once {@link Funnel} allowed them, and {@link #apply} for edits; {@link
 * #touch} bumps the version after each change. {@link LeadViews} shows it on the wire.
 */
@Entity
@Table(name = "lead")
public class Lead {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LeadStatus status;

  @Column(name = "erased_at")
  private Instant erasedAt;

  @Column(name = "previous_lead_id")
  private UUID previousLeadId;

  @ElementCollection
  @CollectionTable(name = "lead_external_ref", joinColumns = @JoinColumn(name = "lead_id"))
  @BatchSize(size = Cursor.MAX_LIMIT)
  private List<ExternalRef> externalRefs = new ArrayList<>();

  @Embedded private LeadDetails details;

  private Integer score;

  @Column(name = "qualification_note")
  private String qualificationNote;

  @Embedded private LeadCycle cycle;

  @Column(nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Lead() {}

  Lead(NewLead request, Instant now) {
    this(LeadState.handedOff(request, now));
  }

  /** A lead made of its parts: handed off, or read from its row ({@link LeadRowReader}). */
  Lead(LeadState state) {
    this.id = state.id();
    this.status = state.status();
    this.erasedAt = state.erasedAt();
    this.previousLeadId = state.previousLeadId();
    this.externalRefs = state.externalRefs();
    this.details = state.details();
    this.score = state.score();
    this.qualificationNote = state.qualificationNote();
    this.cycle = state.cycle();
    this.version = state.version();
    this.createdAt = state.createdAt();
    this.updatedAt = state.updatedAt();
  }

  /** Starts the acceptance clock of a lead that just entered QUALIFIED. */
  void startSla(Instant now, SlaTerms allowed) {
    cycle.startSla(now, allowed);
  }

  void linkTo(UUID previousLead) {
    this.previousLeadId = previousLead;
  }

  /** Replaces the editable part of the lead. */
  void apply(LeadChanges changes) {
    this.details = LeadDetails.of(changes);
  }

  LeadChanges editable() {
    return details.changes();
  }

  void touch(Instant now) {
    this.version++;
    this.updatedAt = now;
  }

  void qualify(Integer score, String note, Instant now, SlaTerms allowed) {
    this.status = LeadStatus.QUALIFIED;
    cycle.qualified(now, allowed);
    if (score != null) {
      this.score = score;
    }
    if (note != null) {
      this.qualificationNote = note;
    }
  }

  void accept(String owner, Instant now) {
    this.status = LeadStatus.ACCEPTED;
    cycle.accepted(owner, now);
  }

  void reject(RejectionReason reason, String note, Instant now) {
    this.status = LeadStatus.REJECTED;
    cycle.rejected(reason, note, now);
  }

  /** The breach job's check: true when the deadline passed unanswered and nobody noticed yet. */
  public boolean breachSla(Instant now) {
    return cycle.breachSla(now);
  }

  void convert(String opportunityRef, BigDecimal amount, String currency, Instant now) {
    this.status = LeadStatus.CONVERTED;
    cycle.converted(opportunityRef, amount, currency, now);
  }

  /** Back to nurture: a new cycle starts ({@link LeadCycle#next}). */
  void recycle(Instant now) {
    this.status = LeadStatus.GENERATED;
    cycle.next(now);
  }

  /**
   * Erases the person: contact, company name and domain, consent, free-form attributes, free text
   * (qualification, rejection and dispute notes), external ids and the opportunity reference. What
   * the funnel counts stays: status and its times, attribution, segment, score, owner, the
   * company's industry, size and country, rejection reason, amount, SLA, dispute outcome.
   */
  void erase(Instant now) {
    this.erasedAt = now;
    this.details = details.erased();
    this.externalRefs.clear();
    forgetFreeText();
  }

  /**
   * Forgets the free text about the person: an erased lead keeps none, not even text given with a
   * later change (the person asked to be forgotten; a note about them would bring them back).
   */
  void forgetFreeText() {
    this.qualificationNote = null;
    cycle.forgetFreeText();
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  void openDispute(String note, String by, Instant now) {
    cycle.openDispute(note, by, now);
  }

  void upholdRejection(String note, String by, Instant now) {
    cycle.upholdRejection(note, by, now);
  }

  /** The rejection is withdrawn: QUALIFIED again ({@link LeadCycle#overturnRejection}). */
  void overturnRejection(String note, String by, Instant now, SlaTerms allowed) {
    this.status = LeadStatus.QUALIFIED;
    cycle.overturnRejection(note, by, now, allowed);
  }

  public UUID getId() {
    return id;
  }

  public LeadStatus getStatus() {
    return status;
  }

  LeadDetails getDetails() {
    return details;
  }

  /** The key the person is recognised by; null once erased. */
  public String getEmailNormalized() {
    return details.emailNormalized();
  }

  Integer getScore() {
    return score;
  }

  String getQualificationNote() {
    return qualificationNote;
  }

  LeadCycle getCycle() {
    return cycle;
  }

  public int getRecycleCount() {
    return cycle.getRecycleCount();
  }

  public List<ExternalRef> getExternalRefs() {
    return externalRefs;
  }

  UUID getPreviousLeadId() {
    return previousLeadId;
  }

  Instant getErasedAt() {
    return erasedAt;
  }

  public long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
