package dev.baton.lead;

import dev.baton.db.BatonClock;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Erasure of a person (the right to erasure): every lead of theirs loses its personal data, in one
 * transaction, while the anonymous funnel facts stay, so that the funnel and SLA figures are the
 * same before and after. See {@link Lead#erase} for what each lead keeps.
 */
@ApplicationScoped
public class PersonalDataService {

  private final LeadRepository leads;
  private final LeadChangeLog changes;
  private final PersonalDataTraces traces;
  private final EntityManager em;
  private final BatonClock clock;

  public PersonalDataService(
      LeadRepository leads,
      LeadChangeLog changes,
      PersonalDataTraces traces,
      EntityManager em,
      BatonClock clock) {
    this.leads = leads;
    this.changes = changes;
    this.traces = traces;
    this.em = em;
    this.clock = clock;
  }

  @Schema(name = "Erasure", description = "The person's leads, now anonymous")
  public record Erasure(
      @Schema(
              required = true,
              description =
                  "Every lead of the person: this one, those with the same email, and the leads"
                      + " they came back from or came back as")
          List<UUID> leadIds,
      @Schema(required = true, description = "When this lead was erased (the first time)")
          Instant erasedAt) {}

  /**
   * Erases the person behind a lead: this lead, the person's other leads (the same email, and the
   * leads before and after this one when they came back). Erasing again changes nothing.
   */
  @Transactional
  public Erasure erase(UUID id, Caller caller) {
    Lead lead = leads.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("lead", id));
    // Rows first, in id order, then the person's lock: the order of every other change (a move
    // holds its row, then may take the person's lock), so that erasing cannot deadlock with one.
    List<UUID> ids = person(id, lead.getEmailNormalized());
    ids.forEach(this::lockFresh);
    String email = lead.getEmailNormalized();
    if (email != null) {
      // A handoff of the same person waits here, then finds no lead of theirs to match. One that
      // committed before is the person's too.
      leads.lockIdentities(List.of(LeadRepository.personKey(email)));
      List<UUID> more = person(id, email);
      more.removeAll(ids);
      more.forEach(this::lockFresh);
      ids.addAll(more);
    }
    Instant now = clock.now();
    for (UUID leadId : ids) {
      Lead locked = leads.findById(leadId);
      if (!locked.isErased()) {
        erase(locked, now, caller);
      }
    }
    return new Erasure(ids, lead.getErasedAt());
  }

  /** The lead, locked, with what committed before the lock (it may have been read before). */
  private void lockFresh(UUID leadId) {
    leads.lock(leadId).ifPresent(em::refresh);
  }

  private void erase(Lead lead, Instant now, Caller caller) {
    lead.erase(now);
    lead.touch(now);
    traces.erase(lead);
    changes.erased(lead, now, caller);
  }

  /**
   * The person's leads, in id order (the order their locks are taken in): those with the email,
   * and, transitively, the leads each came back from and the leads that came back from each.
   */
  @SuppressWarnings("unchecked")
  private List<UUID> person(UUID id, String email) {
    return new ArrayList<>(
        em.createNativeQuery(
                """
                WITH RECURSIVE person (id, previous) AS (
                    SELECT id, previous_lead_id FROM lead
                    WHERE id = ?1 OR email_normalized = ?2
                    UNION
                    SELECT l.id, l.previous_lead_id FROM lead l
                    JOIN person p ON l.previous_lead_id = p.id OR l.id = p.previous)
                SELECT DISTINCT id FROM person ORDER BY id
                """,
                UUID.class)
            .setParameter(1, id)
            .setParameter(2, email)
            .getResultList());
  }

  /** What an erased lead refuses: anything that would give it personal data again. */
  public static ProblemException erased(UUID id, String what) {
    return new ProblemException(
        ProblemType.LEAD_ERASED, "The personal data of lead " + id + " was erased; " + what);
  }
}
