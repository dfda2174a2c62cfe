package dev.baton.lead;

import dev.baton.common.Cursor;
import dev.baton.lead.LeadRecords.Attribution;
import dev.baton.lead.LeadRecords.Company;
import dev.baton.lead.LeadRecords.Consent;
import dev.baton.lead.LeadRecords.Contact;
import dev.baton.lead.LeadRecords.Conversion;
import dev.baton.lead.LeadRecords.LeadChanges;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.Rejection;
import dev.baton.lead.LeadRecords.StatusTimes;
import dev.baton.reason.RejectionReason;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A lead and where it stands. Its state changes only through the methods below: the funnel moves,
 * called by {@link FunnelService} once {@link Funnel} allowed them, and {@link #apply} for edits;
 * {@link #touch} bumps the version after each change.
 */
@Entity
@Table(name = "lead")
public class Lead {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LeadStatus status;

  private String email;

  @Column(name = "email_normalized")
  private String emailNormalized;

  @Column(name = "erased_at")
  private Instant erasedAt;

  @Column(name = "previous_lead_id")
  private UUID previousLeadId;

  @ElementCollection
  @CollectionTable(name = "lead_external_ref", joinColumns = @JoinColumn(name = "lead_id"))
  @BatchSize(size = Cursor.MAX_LIMIT)
  private List<ExternalRef> externalRefs = new ArrayList<>();

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  private String phone;

  @Column(name = "job_title")
  private String jobTitle;

  @Column(name = "company_name")
  private String companyName;

  @Column(name = "company_domain")
  private String companyDomain;

  @Column(name = "company_industry")
  private String companyIndustry;

  @Column(name = "company_size")
  private String companySize;

  @Column(name = "company_country")
  private String companyCountry;

  @Column(nullable = false)
  private String source;

  private String campaign;
  private String medium;
  private String content;
  private String term;

  @Column(name = "utm_source")
  private String utmSource;

  @Column(name = "utm_medium")
  private String utmMedium;

  @Column(name = "utm_campaign")
  private String utmCampaign;

  @Column(name = "utm_term")
  private String utmTerm;

  @Column(name = "utm_content")
  private String utmContent;

  private String segment;
  private Integer score;

  @Column(name = "qualification_note")
  private String qualificationNote;

  private String owner;

  @Column(name = "consent_granted")
  private Boolean consentGranted;

  @Column(name = "consent_captured_at")
  private Instant consentCapturedAt;

  @Column(name = "consent_source")
  private String consentSource;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private Map<String, Object> attributes;

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

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "rejection_reason")
  private RejectionReason rejectionReason;

  @Column(name = "rejection_note")
  private String rejectionNote;

  @Column(name = "opportunity_ref")
  private String opportunityRef;

  private BigDecimal amount;

  private String currency;

  @Column(name = "recycle_count", nullable = false)
  private int recycleCount;

  @Embedded private SlaClock sla;

  @Embedded private Dispute dispute;

  @Column(nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Lead() {}

  Lead(LeadRecords.NewLead request, Instant now) {
    this.id = UUID.randomUUID();
    this.status = LeadStatus.GENERATED;
    this.createdAt = now;
    this.updatedAt = now;
    this.version = 1;
    this.attributes = new LinkedHashMap<>();
    apply(request.changes());
    if (request.externalRefs() != null) {
      request.externalRefs().forEach(this::addExternalRef);
    }
    this.score = request.score();
    this.qualificationNote = request.qualificationNote();
    if (request.status() == LeadRecords.InitialStatus.QUALIFIED) {
      this.status = LeadStatus.QUALIFIED;
      this.qualifiedAt = now;
    } else {
      this.generatedAt = now;
    }
  }

  /** Starts the acceptance clock of a lead that just entered QUALIFIED. */
  void startSla(Instant now, Duration allowed) {
    this.sla = SlaClock.start(now, now.plus(allowed));
  }

  /** The key a person is recognised by: the email, trimmed and case-folded. */
  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  void linkTo(UUID previousLead) {
    this.previousLeadId = previousLead;
  }

  void addExternalRef(ExternalRef ref) {
    externalRefs.add(ref);
  }

  /** Replaces the editable part of the lead. */
  void apply(LeadChanges changes) {
    Contact contact = changes.contact();
    this.email = contact.email().strip();
    this.emailNormalized = normalize(contact.email());
    this.firstName = contact.firstName();
    this.lastName = contact.lastName();
    this.phone = contact.phone();
    this.jobTitle = contact.jobTitle();
    Company company = changes.company();
    this.companyName = company == null ? null : company.name();
    this.companyDomain = company == null ? null : company.domain();
    this.companyIndustry = company == null ? null : company.industry();
    this.companySize = company == null ? null : company.size();
    this.companyCountry = company == null ? null : company.country();
    Attribution a = changes.attribution();
    this.source = a.source().strip();
    this.campaign = a.campaign();
    this.medium = a.medium();
    this.content = a.content();
    this.term = a.term();
    this.utmSource = a.utmSource();
    this.utmMedium = a.utmMedium();
    this.utmCampaign = a.utmCampaign();
    this.utmTerm = a.utmTerm();
    this.utmContent = a.utmContent();
    this.segment = changes.segment();
    Consent consent = changes.consent();
    this.consentGranted = consent == null ? null : consent.granted();
    this.consentCapturedAt = consent == null ? null : consent.capturedAt();
    this.consentSource = consent == null ? null : consent.source();
    this.attributes =
        changes.attributes() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(changes.attributes());
  }

  void touch(Instant now) {
    this.version++;
    this.updatedAt = now;
  }

  void qualify(Integer score, String note, Instant now, Duration allowed) {
    this.status = LeadStatus.QUALIFIED;
    this.qualifiedAt = now;
    startSla(now, allowed);
    if (score != null) {
      this.score = score;
    }
    if (note != null) {
      this.qualificationNote = note;
    }
  }

  void accept(String owner, Instant now) {
    this.status = LeadStatus.ACCEPTED;
    this.acceptedAt = now;
    this.owner = owner;
    stopSla(now);
  }

  void reject(RejectionReason reason, String note, Instant now) {
    this.status = LeadStatus.REJECTED;
    this.rejectedAt = now;
    this.rejectionReason = reason;
    this.rejectionNote = note;
    stopSla(now);
  }

  /** Sales answered: a running clock stops, MET in time, BREACHED late. */
  private void stopSla(Instant now) {
    if (sla != null && sla.isRunning()) {
      sla.stop(now);
    }
  }

  /** The breach job's check: true when the deadline passed unanswered and nobody noticed yet. */
  public boolean breachSla(Instant now) {
    return sla != null && sla.breach(now);
  }

  void convert(String opportunityRef, BigDecimal amount, String currency, Instant now) {
    this.status = LeadStatus.CONVERTED;
    this.convertedAt = now;
    this.opportunityRef = opportunityRef;
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Back to nurture: a new cycle starts. The previous cycle's times, decision, clock and dispute
   * are cleared from the lead (they stay in its history and in the funnel's facts).
   */
  void recycle(Instant now) {
    this.status = LeadStatus.GENERATED;
    this.generatedAt = now;
    this.qualifiedAt = null;
    this.acceptedAt = null;
    this.rejectedAt = null;
    this.recycleCount++;
    this.rejectionReason = null;
    this.rejectionNote = null;
    this.owner = null;
    this.sla = null;
    this.dispute = null;
  }

  /**
   * Erases the person: contact, company name and domain, consent, free-form attributes, free text
   * (qualification, rejection and dispute notes), external ids and the opportunity reference. What
   * the funnel counts stays: status and its times, attribution, segment, score, owner, the
   * company's industry, size and country, rejection reason, amount, SLA, dispute outcome.
   */
  void erase(Instant now) {
    this.erasedAt = now;
    this.email = null;
    this.emailNormalized = null;
    this.firstName = null;
    this.lastName = null;
    this.phone = null;
    this.jobTitle = null;
    this.companyName = null;
    this.companyDomain = null;
    this.consentGranted = null;
    this.consentCapturedAt = null;
    this.consentSource = null;
    this.attributes = new LinkedHashMap<>();
    this.qualificationNote = null;
    this.rejectionNote = null;
    this.opportunityRef = null;
    this.externalRefs.clear();
    if (dispute != null) {
      dispute.erase();
    }
  }

  /**
   * After a change of an erased lead: free text and references given with it are not kept (the
   * person asked to be forgotten; a note about them would bring them back).
   */
  void forgetNewPersonalData() {
    if (erasedAt != null) {
      this.qualificationNote = null;
      this.rejectionNote = null;
      this.opportunityRef = null;
      if (dispute != null) {
        dispute.erase();
      }
    }
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  Instant getErasedAt() {
    return erasedAt;
  }

  UUID getPreviousLeadId() {
    return previousLeadId;
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
   * The rejection is withdrawn: the lead is QUALIFIED again, waiting for sales with a fresh
   * acceptance clock; the previous acceptance (if it was rejected after one) is undone with it.
   */
  void overturnRejection(String note, String by, Instant now, Duration allowed) {
    dispute.resolve(DisputeState.OVERTURNED, note, by, now);
    this.status = LeadStatus.QUALIFIED;
    this.qualifiedAt = now;
    this.acceptedAt = null;
    this.rejectedAt = null;
    this.rejectionReason = null;
    this.rejectionNote = null;
    this.owner = null;
    startSla(now, allowed);
  }

  /** The editable part as the lead would store it: an empty company is no company, and so on. */
  static LeadChanges stored(LeadChanges changes) {
    Lead scratch = new Lead();
    scratch.apply(changes);
    return scratch.editable();
  }

  LeadChanges editable() {

    return new LeadChanges(
        new Contact(email, firstName, lastName, phone, jobTitle),
        companyName == null
                && companyDomain == null
                && companyIndustry == null
                && companySize == null
                && companyCountry == null
            ? null
            : new Company(companyName, companyDomain, companyIndustry, companySize, companyCountry),
        new Attribution(
            source,
            campaign,
            medium,
            content,
            term,
            utmSource,
            utmMedium,
            utmCampaign,
            utmTerm,
            utmContent),
        segment,
        consentGranted == null
            ? null
            : new Consent(consentGranted, consentCapturedAt, consentSource),
        attributes);
  }

  LeadView view() {
    LeadChanges e = editable();
    return new LeadView(
        id,
        status,
        erasedAt == null ? e.contact() : null,
        e.company(),
        e.attribution(),
        segment,
        score,
        qualificationNote,
        owner,
        e.consent(),
        attributes == null ? Map.of() : attributes,
        new StatusTimes(generatedAt, qualifiedAt, acceptedAt, rejectedAt, convertedAt),
        status == LeadStatus.REJECTED && rejectionReason != null
            ? new Rejection(
                rejectionReason.getCode(), rejectionReason.getAccountable(), rejectionNote)
            : null,
        status == LeadStatus.CONVERTED ? new Conversion(opportunityRef, amount, currency) : null,
        sla == null
            ? null
            : new LeadRecords.SlaView(
                sla.getState(), sla.getStartedAt(), sla.getDeadline(), sla.getDecidedAt()),
        dispute == null ? null : dispute.view(),
        recycleCount,
        version,
        createdAt,
        updatedAt,
        List.copyOf(externalRefs),
        previousLeadId,
        erasedAt);
  }

  /** This cycle's funnel facts, as {@link LeadCycles} keeps them. */
  LeadCycles.Facts cycleFacts() {
    return new LeadCycles.Facts(
        id,
        recycleCount,
        recycleCount == 0 ? createdAt : generatedAt,
        source,
        campaign,
        segment,
        content,
        owner,
        recycleCount > 0 || generatedAt != null,
        qualifiedAt,
        acceptedAt,
        rejectedAt,
        convertedAt,
        rejectionReason == null ? null : rejectionReason.getCode(),
        rejectionReason == null ? null : rejectionReason.getAccountable().name(),
        amount,
        currency,
        sla);
  }

  public String getSegment() {
    return segment;
  }

  public SlaClock getSla() {
    return sla;
  }

  public String getEmailNormalized() {
    return emailNormalized;
  }

  public List<ExternalRef> getExternalRefs() {
    return externalRefs;
  }

  public UUID getId() {
    return id;
  }

  public LeadStatus getStatus() {
    return status;
  }

  public long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public int getRecycleCount() {
    return recycleCount;
  }
}
