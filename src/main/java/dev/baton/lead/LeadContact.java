package dev.baton.lead;

import dev.baton.lead.LeadRecords.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/** The person, as a lead stores them: the email as given (trimmed) and as compared. */
@Embeddable
public record LeadContact(
    @Column(name = "email") String email,
    @Column(name = "email_normalized") String emailNormalized,
    @Column(name = "first_name") String firstName,
    @Column(name = "last_name") String lastName,
    @Column(name = "phone") String phone,
    @Column(name = "job_title") String jobTitle) {

  static LeadContact of(Contact contact) {
    return new LeadContact(
        contact.email().strip(),
        normalize(contact.email()),
        contact.firstName(),
        contact.lastName(),
        contact.phone(),
        contact.jobTitle());
  }

  /** The key a person is recognised by: the email, trimmed and case-folded. */
  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  Contact view() {
    return new Contact(email, firstName, lastName, phone, jobTitle);
  }
}
