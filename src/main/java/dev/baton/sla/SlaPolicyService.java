package dev.baton.sla;

import dev.baton.db.BatonClock;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The SLA policy: read at every qualification, replaced by admins. */
@ApplicationScoped
public class SlaPolicyService {

  private final EntityManager em;
  private final BatonClock clock;

  public SlaPolicyService(EntityManager em, BatonClock clock) {
    this.em = em;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SlaPolicy policy() {
    return em.find(StoredSlaPolicy.class, true).policy();
  }

  /** How long sales has to answer a lead of this segment that enters QUALIFIED now. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Duration acceptanceTime(String segment) {
    return policy().acceptanceTime(segment);
  }

  @Transactional
  public SlaPolicy replace(SlaPolicy policy, Caller caller) {
    requireOneEntryPerSegment(policy);
    StoredSlaPolicy stored = em.find(StoredSlaPolicy.class, true, LockModeType.PESSIMISTIC_WRITE);
    stored.replace(policy, clock.now(), caller.name());
    em.flush();
    return stored.policy();
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
