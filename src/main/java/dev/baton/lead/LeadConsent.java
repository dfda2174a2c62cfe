package dev.baton.lead;

import dev.baton.lead.LeadRecords.Consent;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The person's marketing consent, as a lead stores it. */
@Embeddable
public record LeadConsent(
    @Column(name = "consent_granted") Boolean granted,
    @Column(name = "consent_captured_at") Instant capturedAt,
    @Column(name = "consent_source") String source) {

  static LeadConsent of(Consent consent) {
    return consent == null
        ? null
        : new LeadConsent(consent.granted(), consent.capturedAt(), consent.source());
  }

  /** No consent unless it says whether the person consented. */
  Consent view() {
    return granted == null ? null : new Consent(granted, capturedAt, source);
  }
}
