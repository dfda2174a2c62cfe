package dev.baton.routing;

import dev.baton.db.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Every assignment and what became of it (table lead_assignment), written in the transaction of the
 * lead's change: who got the lead, from which queue and rule, the deadline they were given, and
 * whether they answered, let it pass, or had it taken away. The per-person figures and the
 * leads-per-day capacity read it.
 */
@ApplicationScoped
public class AssignmentLog {

  private final EntityManager em;
  private final Pipeline pipeline;

  AssignmentLog(EntityManager em, Pipeline pipeline) {
    this.em = em;
    this.pipeline = pipeline;
  }

  void opened(UUID leadId, Router.Assignment chosen, Instant now) {
    em.createNativeQuery(
            "INSERT INTO lead_assignment (lead_id, member_id, queue_id, rule, method, assigned_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, leadId)
        .setParameter(2, chosen.memberId())
        .setParameter(3, chosen.queue())
        .setParameter(4, chosen.rule())
        .setParameter(5, chosen.method().name())
        .setParameter(6, now)
        .executeUpdate();
  }

  /** The lead's open assignment ends: it was reassigned. */
  void ended(UUID leadId, Instant now) {
    update("ended_at = ?2", leadId, now);
  }

  /** The deadline the lead's open assignment runs against. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void deadline(UUID leadId, Instant deadline) {
    update("sla_deadline = ?2", leadId, deadline);
  }

  /**
   * The assignee answered (accepted or rejected): their assignment is over. Queued with the
   * request's other writes ({@link Pipeline}): an accept or a reject writes nothing else to
   * lead_assignment after it. A change that would (a new assignment of the same lead) must send the
   * queue first, or this update would end the new assignment too.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void answered(UUID leadId, Instant now) {
    pipeline.add(
        "UPDATE lead_assignment SET answered_at = ?, ended_at = ? WHERE lead_id = ?"
            + " AND ended_at IS NULL",
        now,
        now,
        leadId);
  }

  /** The deadline passed unanswered while the lead was theirs: the breach is the assignee's. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void breached(UUID leadId, Instant now) {
    update("breached_at = ?2", leadId, now);
  }

  private void update(String set, UUID leadId, Instant value) {
    em.createNativeQuery(
            "UPDATE lead_assignment SET " + set + " WHERE lead_id = ?1 AND ended_at IS NULL")
        .setParameter(1, leadId)
        .setParameter(2, value)
        .executeUpdate();
  }
}
