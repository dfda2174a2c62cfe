package dev.baton.lead;

import dev.baton.lead.LeadRecords.Company;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The person's company, as a lead stores it; a company with nothing known is no company. */
@Embeddable
public record LeadCompany(
    @Column(name = "company_name") String name,
    @Column(name = "company_domain") String domain,
    @Column(name = "company_industry") String industry,
    @Column(name = "company_size") String size,
    @Column(name = "company_country") String country) {

  private static final LeadCompany NONE = new LeadCompany(null, null, null, null, null);

  static LeadCompany of(Company company) {
    return company == null
        ? null
        : new LeadCompany(
                company.name(),
                company.domain(),
                company.industry(),
                company.size(),
                company.country())
            .orNone();
  }

  /** Without what names the person's employer (name, domain); industry, size and country stay. */
  LeadCompany anonymous() {
    return new LeadCompany(null, null, industry, size, country).orNone();
  }

  private LeadCompany orNone() {
    return equals(NONE) ? null : this;
  }

  Company view() {
    return new Company(name, domain, industry, size, country);
  }
}
