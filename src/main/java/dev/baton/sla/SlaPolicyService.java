package dev.baton.sla;

import dev.baton.db.BatonClock;
import dev.baton.db.ChangeListener;
import dev.baton.db.Remembered;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.routing.TeamService;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The SLA policy: read at every qualification, replaced by admins. */
@ApplicationScoped
public class SlaPolicyService {

  private final EntityManager em;
  private final TeamService team;
  private final BatonClock clock;
  private final TransactionSynchronizationRegistry transactions;
  private final Remembered<SlaPolicy> remembered;

  public SlaPolicyService(
      EntityManager em,
      TeamService team,
      BatonClock clock,
      TransactionSynchronizationRegistry transactions,
      ChangeListener changes) {
    this.em = em;
    this.team = team;
    this.clock = clock;
    this.transactions = transactions;
    this.remembered = new Remembered<>(changes, ChangeListener.Channel.POLICIES);
  }

  /** The policy in force, from memory while nobody changed it (V19, {@link Remembered}). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SlaPolicy policy() {
    return remembered.get(em, StoredSlaPolicy.class, true, StoredSlaPolicy::policy);
  }

  /** How long, and how, sales has to answer a lead of this segment that enters QUALIFIED now. */
  @Transactional(Transactional.TxType.MANDATORY)
  public SlaTerms terms(String segment) {
    return policy().terms(segment);
  }

  @Transactional
  public SlaPolicy replace(SlaPolicy policy, Caller caller) {
    requireOneEntryPerSegment(policy);
    requireEscalationQueue(policy);
    remembered.forgetAtCompletion(transactions);
    StoredSlaPolicy stored = em.find(StoredSlaPolicy.class, true, LockModeType.PESSIMISTIC_WRITE);
    stored.replace(policy, clock.now(), caller.name());
    em.flush();
    return stored.policy();
  }

  private void requireEscalationQueue(SlaPolicy policy) {
    if (policy.onBreach() == BreachAction.ESCALATION_QUEUE) {
      if (policy.escalationQueue() == null) {
        throw ProblemException.invalid("escalationQueue", "is required with ESCALATION_QUEUE");
      }
      if (!team.queueExists(policy.escalationQueue())) {
        throw ProblemException.invalid(
            "escalationQueue", "no queue '" + policy.escalationQueue() + "'");
      }
    } else if (policy.escalationQueue() != null) {
      throw ProblemException.invalid("escalationQueue", "is only for onBreach ESCALATION_QUEUE");
    }
  }

  private static void requireOneEntryPerSegment(SlaPolicy policy) {
    if (policy.segments() == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < policy.segments().size(); i++) {
      String segment = policy.segments().get(i).segment();
      if (!seen.add(segment)) {
        errors.add(
            new FieldError(
                "segments[" + i + "].segment", "'" + segment + "' already has an entry"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }
}
