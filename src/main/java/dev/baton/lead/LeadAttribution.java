package dev.baton.lead;

import dev.baton.lead.LeadRecords.Attribution;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a lead came from, as it stores it. */
@Embeddable
public record LeadAttribution(
    @Column(name = "source", nullable = false) String source,
    @Column(name = "campaign") String campaign,
    @Column(name = "medium") String medium,
    @Column(name = "content") String content,
    @Column(name = "term") String term,
    @Column(name = "utm_source") String utmSource,
    @Column(name = "utm_medium") String utmMedium,
    @Column(name = "utm_campaign") String utmCampaign,
    @Column(name = "utm_term") String utmTerm,
    @Column(name = "utm_content") String utmContent) {

  static LeadAttribution of(Attribution a) {
    return new LeadAttribution(
        a.source().strip(),
        a.campaign(),
        a.medium(),
        a.content(),
        a.term(),
        a.utmSource(),
        a.utmMedium(),
        a.utmCampaign(),
        a.utmTerm(),
        a.utmContent());
  }

  Attribution view() {
    return new Attribution(
        source,
        campaign,
        medium,
        content,
        term,
        utmSource,
        utmMedium,
        utmCampaign,
        utmTerm,
        utmContent);
  }
}
