package dev.baton.routing;

import dev.baton.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who gets a lead that becomes qualified: the first matching rule's queue and method, else the
 * fallback queue's rotation; the choice, its turn and the assignment row in the caller's
 * transaction. A preview walks the same path without locking or writing anything.
 */
@ApplicationScoped
public class Router {

  private final AssignmentLog log;
  private final RoutingPolicyService policies;
  private final QueueTurns turns;
  private final TeamService team;

  public Router(
      AssignmentLog log, RoutingPolicyService policies, QueueTurns turns, TeamService team) {
    this.log = log;
    this.policies = policies;
    this.turns = turns;
    this.team = team;
  }

  /**
   * Where a lead goes: the member (null when nobody could take it), from which queue, by which rule
   * (null: the fallback) and method, and why, in plain words.
   */
  @Schema(
      name = "RoutingPreview",
      description =
          "Where a lead goes: the member (absent when nobody can take it), from which queue, by"
              + " which rule (absent: the fallback queue) and method, and why, step by step")
  public record Assignment(
      String memberId,
      String queue,
      String rule,
      Method method,
      @Schema(required = true) List<String> why) {}

  /** Whether leads are routed at all: {@link #assign} may assign one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean routes() {
    return policies.policy().routes();
  }

  /** Assigns the lead if the rules route it; empty when they do not, or nobody can take it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Assignment> assign(UUID leadId, RoutingSubject lead, Instant now) {
    RoutingPolicy policy = policies.policy();
    if (!policy.routes()) {
      return Optional.empty();
    }
    return record(leadId, decide(policy, lead, now, true), now);
  }

  /** What {@link #assign} would answer now, changing nothing. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Assignment preview(RoutingSubject lead, Instant now) {
    RoutingPolicy policy = policies.policy();
    if (!policy.routes()) {
      return new Assignment(
          null,
          null,
          null,
          null,
          List.of("no rules and no fallback queue: leads are not assigned"));
    }
    return decide(policy, lead, now, false);
  }

  /**
   * Assigns the lead again: to {@code member} when given, else by {@code queue}'s rotation without
   * {@code previous}; empty when that member or nobody in the queue can take it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Assignment> reassign(
      UUID leadId, String queue, String member, String previous, Instant now) {
    if (member != null && !team.memberExists(member)) {
      throw ProblemException.invalid("memberId", "no member '" + member + "'");
    }
    if (member == null && !team.queueExists(queue)) {
      throw ProblemException.invalid("queue", "no queue '" + queue + "'");
    }
    log.ended(leadId, now);
    List<String> why = new ArrayList<>();
    Assignment chosen =
        member != null
            ? fixed(queue, member, null, now, true, why)
            : rotate(queue, Method.WEIGHTED_ROUND_ROBIN, null, previous, now, true, why);
    return record(leadId, chosen, now);
  }

  private Optional<Assignment> record(UUID leadId, Assignment chosen, Instant now) {
    if (chosen.memberId() == null) {
      return Optional.empty();
    }
    log.opened(leadId, chosen, now);
    return Optional.of(chosen);
  }

  private Assignment decide(RoutingPolicy policy, RoutingSubject lead, Instant now, boolean lock) {
    List<String> why = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      RoutingPolicy.Rule rule = policy.rules().get(i);
      if (!rule.matches(lead)) {
        continue;
      }
      why.add("rule " + (i + 1) + " '" + rule.name() + "' matches");
      Assignment chosen =
          rule.method() == Method.FIXED_MEMBER
              ? fixed(rule.queue(), rule.member(), rule.name(), now, lock, why)
              : rotate(rule.queue(), rule.method(), rule.name(), null, now, lock, why);
      if (chosen.memberId() != null || policy.fallbackQueue() == null) {
        return chosen;
      }
      break;
    }
    if (why.isEmpty()) {
      why.add("no rule matches");
    }
    if (policy.fallbackQueue() == null) {
      why.add("no fallback queue: the lead is not assigned");
      return new Assignment(null, null, null, null, why);
    }
    why.add("fallback queue '" + policy.fallbackQueue() + "'");
    return rotate(policy.fallbackQueue(), Method.WEIGHTED_ROUND_ROBIN, null, null, now, lock, why);
  }

  private Assignment fixed(
      String queue, String member, String rule, Instant now, boolean lock, List<String> why) {
    Candidate candidate = turns.candidate(member, now, lock);
    String whyNot = candidate == null ? "no member '" + member + "'" : candidate.whyNot(now);
    if (whyNot != null) {
      why.add(whyNot);
      return new Assignment(null, queue, rule, Method.FIXED_MEMBER, why);
    }
    why.add(member + " is the rule's member" + waiting(candidate, now));
    return new Assignment(member, queue, rule, Method.FIXED_MEMBER, why);
  }

  private Assignment rotate(
      String queue,
      Method method,
      String rule,
      String excluded,
      Instant now,
      boolean lock,
      List<String> why) {
    List<Candidate> members =
        turns.candidates(queue, now, lock).stream()
            .filter(c -> !c.memberId().equals(excluded))
            .toList();
    members.stream().map(c -> c.whyNot(now)).filter(w -> w != null).forEach(why::add);
    Rotation.Turn turn = Rotation.turn(members, method);
    if (turn.memberId() == null) {
      why.add("nobody in queue '" + queue + "' can take it");
      return new Assignment(null, queue, rule, method, why);
    }
    if (lock) {
      turns.saveCredits(queue, turn.credits());
    }
    Candidate chosen =
        members.stream().filter(c -> c.memberId().equals(turn.memberId())).findFirst().get();
    why.add(
        turn.memberId()
            + (method == Method.LEAST_LOADED
                ? " has the fewest leads waiting (" + chosen.open() + ")"
                : " has the turn in the weighted rotation")
            + waiting(chosen, now));
    return new Assignment(turn.memberId(), queue, rule, method, why);
  }

  private static String waiting(Candidate chosen, Instant now) {
    return chosen.available().isAfter(now)
        ? "; nobody works now, they start first, at " + chosen.available()
        : "";
  }
}
