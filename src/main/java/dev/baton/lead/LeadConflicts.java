package dev.baton.lead;

import dev.baton.db.Pipeline;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;

/**
 * The database is the judge of duplicates: one open lead per person, one lead per external id. A
 * change is flushed here, and a violated constraint becomes the 409 that names the lead already
 * there — even when the other one was written by a request that raced this one.
 */
@ApplicationScoped
class LeadConflicts {

  private static final String OPEN_EMAIL = "lead_open_email";
  private static final String EXTERNAL_REF = "lead_external_ref_pkey";

  private final LeadRepository leads;
  private final Pipeline pipeline;

  LeadConflicts(LeadRepository leads, Pipeline pipeline) {
    this.leads = leads;
    this.pipeline = pipeline;
  }

  /**
   * Refuses the common case early, before anything is written: the person's open lead ({@code
   * open}, null when none) or a lead with one of its external ids.
   */
  void checkNew(Lead lead, UUID open) {
    if (open != null) {
      throw duplicate(open);
    }
    for (ExternalRef ref : lead.getExternalRefs()) {
      leads
          .findByExternalRef(ref)
          .ifPresent(
              other -> {
                throw externalRefTaken(ref, other.getId());
              });
    }
  }

  /**
   * Writes the pending changes of {@code lead} and the statements queued with them ({@link
   * Pipeline}); a duplicate that slipped in meanwhile is a 409.
   */
  void flush(Lead lead) {
    written(
        lead,
        () -> {
          pipeline.send();
          return null;
        });
  }

  private <T> T written(Lead lead, Supplier<T> write) {
    try {
      return write.get();
    } catch (PersistenceException e) {
      String constraint = constraint(e);
      if (OPEN_EMAIL.equals(constraint)) {
        throw duplicate(
            committed(() -> leads.findOpen(lead.getEmailNormalized()).map(Lead::getId))
                .orElse(null));
      }
      if (EXTERNAL_REF.equals(constraint)) {
        for (ExternalRef ref : lead.getExternalRefs()) {
          Optional<UUID> other = committed(() -> leads.findByExternalRef(ref).map(Lead::getId));
          if (other.isPresent() && !other.get().equals(lead.getId())) {
            throw externalRefTaken(ref, other.get());
          }
        }
      }
      throw e;
    }
  }

  /** The violated constraint, from PostgreSQL's structured error: message texts are localized. */
  private static String constraint(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
        return psql.getServerErrorMessage().getConstraint();
      }
    }
    return null;
  }

  /** This transaction failed; what the others committed is read in a new one. */
  private static Optional<UUID> committed(Supplier<Optional<UUID>> query) {
    return QuarkusTransaction.requiringNew().call(query::get);
  }

  static ProblemException duplicate(UUID existing) {
    return new ProblemException(
            ProblemType.DUPLICATE_LEAD,
            "This person already has an open lead (GENERATED, QUALIFIED or ACCEPTED): update that"
                + " one, or hand off again once it is converted or rejected")
        .with("existingLeadId", existing)
        .with("existingLeadLocation", existing == null ? null : "/api/v1/leads/" + existing);
  }

  private static ProblemException externalRefTaken(ExternalRef ref, UUID existing) {
    return new ProblemException(
            ProblemType.EXTERNAL_REF_EXISTS,
            "Another lead already has id '" + ref.id() + "' in system '" + ref.system() + "'")
        .with("existingLeadId", existing)
        .with("existingLeadLocation", "/api/v1/leads/" + existing);
  }
}
