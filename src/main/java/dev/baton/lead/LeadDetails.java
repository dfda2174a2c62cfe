package dev.baton.lead;

import dev.baton.lead.LeadRecords.LeadChanges;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The editable part of a lead as it stores it: what a handoff gives and an edit replaces, {@link
 * LeadChanges} on the wire. Replaced as a whole, never changed in place.
 */
@Embeddable
public record LeadDetails(
    LeadContact contact,
    LeadCompany company,
    LeadAttribution attribution,
    @Column(name = "segment") String segment,
    LeadConsent consent,
    @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "attributes", nullable = false, columnDefinition = "jsonb")
        Map<String, Object> attributes) {

  static LeadDetails of(LeadChanges changes) {
    return new LeadDetails(
        LeadContact.of(changes.contact()),
        LeadCompany.of(changes.company()),
        LeadAttribution.of(changes.attribution()),
        changes.segment(),
        LeadConsent.of(changes.consent()),
        changes.attributes() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(changes.attributes()));
  }

  /** The editable part as a lead would store it: an empty company is no company, and so on. */
  static LeadChanges stored(LeadChanges changes) {
    return of(changes).changes();
  }

  LeadChanges changes() {
    return new LeadChanges(
        contact == null ? null : contact.view(),
        company == null ? null : company.view(),
        attribution.view(),
        segment,
        consent == null ? null : consent.view(),
        attributes);
  }

  /**
   * Without the person: no contact, consent or attributes, and a company without name and domain.
   * Attribution and segment stay, for the funnel.
   */
  LeadDetails erased() {
    return new LeadDetails(
        null,
        company == null ? null : company.anonymous(),
        attribution,
        segment,
        null,
        new LinkedHashMap<>());
  }

  /** Null once the person was erased. */
  String emailNormalized() {
    return contact == null ? null : contact.emailNormalized();
  }
}
