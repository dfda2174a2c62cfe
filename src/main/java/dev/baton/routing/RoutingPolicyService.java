package dev.baton.routing;

import dev.baton.db.BatonClock;
import dev.baton.db.ChangeListener;
import dev.baton.db.Remembered;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The routing rules: read at every qualification, replaced by sales managers and admins. */
@ApplicationScoped
public class RoutingPolicyService {

  private final EntityManager em;
  private final TeamService team;
  private final BatonClock clock;
  private final TransactionSynchronizationRegistry transactions;
  private final Remembered<RoutingPolicy> remembered;

  public RoutingPolicyService(
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
  public RoutingPolicy policy() {
    return remembered.get(em, StoredRoutingPolicy.class, true, StoredRoutingPolicy::policy);
  }

  /** Replaces the rules, each naming a queue (and member) that exists. */
  @Transactional
  public RoutingPolicy replace(RoutingPolicy policy, Caller caller) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      RoutingPolicy.Rule rule = policy.rules().get(i);
      String at = "rules[" + i + "].";
      if (!team.queueExists(rule.queue())) {
        errors.add(new FieldError(at + "queue", "no queue '" + rule.queue() + "'"));
      }
      if (rule.method() == Method.FIXED_MEMBER && rule.member() == null) {
        errors.add(new FieldError(at + "member", "is required with method FIXED_MEMBER"));
      } else if (rule.method() != Method.FIXED_MEMBER && rule.member() != null) {
        errors.add(new FieldError(at + "member", "is only for method FIXED_MEMBER"));
      } else if (rule.member() != null && !team.memberExists(rule.member())) {
        errors.add(new FieldError(at + "member", "no member '" + rule.member() + "'"));
      }
      RoutingPolicy.Conditions when = rule.when();
      if (when != null
          && when.minScore() != null
          && when.maxScore() != null
          && when.minScore() > when.maxScore()) {
        errors.add(new FieldError(at + "when.maxScore", "must not be below minScore"));
      }
    }
    if (policy.fallbackQueue() != null && !team.queueExists(policy.fallbackQueue())) {
      errors.add(new FieldError("fallbackQueue", "no queue '" + policy.fallbackQueue() + "'"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    remembered.forgetAtCompletion(transactions);
    StoredRoutingPolicy stored =
        em.find(StoredRoutingPolicy.class, true, LockModeType.PESSIMISTIC_WRITE);
    stored.replace(policy, clock.now(), caller.name());
    em.flush();
    return stored.policy();
  }
}
