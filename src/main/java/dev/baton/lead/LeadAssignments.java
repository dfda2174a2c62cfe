package dev.baton.lead;

import dev.baton.event.EventLog;
import dev.baton.event.EventType;
import dev.baton.problem.ProblemException;
import dev.baton.routing.AssignmentLog;
import dev.baton.routing.Router;
import dev.baton.routing.Router.Assignment;
import dev.baton.routing.RoutingSubject;
import dev.baton.routing.TeamService;
import dev.baton.security.Caller;
import dev.baton.sla.SlaPolicy;
import dev.baton.sla.SlaPolicyService;
import dev.baton.sla.SlaTerms;
import dev.baton.sla.WorkingTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lead entering QUALIFIED goes to a named member, in the transaction of the move: {@link Router}
 * chooses, the lead shows the {@code assignee}, and {@code lead.assigned} tells history, feed and
 * webhooks. Without routing rules nothing happens: the lead waits for sales as a whole.
 */
@ApplicationScoped
class LeadAssignments {

  private final Router router;
  private final AssignmentLog log;
  private final TeamService team;
  private final SlaPolicyService policies;
  private final EventLog events;

  LeadAssignments(
      Router router,
      AssignmentLog log,
      TeamService team,
      SlaPolicyService policies,
      EventLog events) {
    this.router = router;
    this.log = log;
    this.team = team;
    this.policies = policies;
    this.events = events;
  }

  /** Sales answered a qualified lead: its assignee's assignment is over, answered. */
  void answered(Lead lead, Instant now) {
    log.answered(lead.getId(), now);
  }

  /** The deadline passed unanswered: the breach is its assignee's. */
  void breached(Lead lead, Instant now) {
    log.breached(lead.getId(), now);
  }

  /**
   * Who owns the lead accepted without naming an owner: its assignee (their email, else their id);
   * 400 when it has none.
   */
  String owner(Lead lead, String given) {
    if (given != null) {
      if (given.isBlank()) {
        throw ProblemException.invalid("owner", "must not be blank");
      }
      return given.strip();
    }
    LeadAssignee assignee = lead.getCycle().getAssignee();
    if (assignee == null) {
      throw ProblemException.invalid(
          "owner", "is required: the lead has no assignee to become its owner");
    }
    return team.ownerName(assignee.memberId());
  }

  /** Whether a lead entering QUALIFIED may be assigned: the routing policy has rules. */
  boolean routes() {
    return router.routes();
  }

  /**
   * Assigns a lead that just entered QUALIFIED, if the rules route it and someone can take it; when
   * the policy counts working hours, its clock then counts the assignee's. Answers whether it was
   * assigned.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean qualified(Lead lead, Instant now) {
    Optional<Assignment> assigned = router.assign(lead.getId(), subject(lead), now);
    assigned.ifPresent(
        chosen -> {
          SlaTerms terms = policies.terms(lead.getDetails().segment());
          if (terms.workingHoursOnly()) {
            lead.getCycle().countSlaIn(terms, workingTime(chosen.memberId()));
          }
          Map<String, Object> data = data(chosen);
          EventLog.putIfPresent(data, "rule", chosen.rule());
          data.put("method", chosen.method().name());
          data.put("deadline", lead.getCycle().getSla().getDeadline().toString());
          record(lead, chosen, EventType.LEAD_ASSIGNED, now, Caller.SYSTEM, data);
        });
    return assigned.isPresent();
  }

  /**
   * The deadline passed unanswered: when the policy says so, the lead goes to the next member of
   * its assignee's queue, or to the escalation queue (actor {@code baton}). Nobody available: it
   * stays.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void escalate(Lead lead, Instant now) {
    SlaPolicy policy = policies.policy();
    LeadAssignee current = lead.getCycle().getAssignee();
    String queue =
        switch (policy.onBreach()) {
          case NOTHING -> null;
          case NEXT_MEMBER -> current == null ? null : current.queue();
          case ESCALATION_QUEUE -> policy.escalationQueue();
        };
    if (queue == null) {
      return;
    }
    String previous = current == null ? null : current.memberId();
    router
        .reassign(lead.getId(), queue, null, previous, now)
        .ifPresent(
            chosen ->
                reassigned(
                    lead, chosen, previous, "the acceptance deadline passed", now, Caller.SYSTEM));
  }

  /** The assignee's working time, for a clock that counts only their hours. */
  private WorkingTime workingTime(String memberId) {
    return (start, worked) -> team.afterWorking(memberId, start, worked);
  }

  /** Records a manager's reassignment the router made. */
  void reassigned(
      Lead lead, Assignment chosen, String previous, String reason, Instant now, Caller caller) {
    Map<String, Object> data = data(chosen);
    EventLog.putIfPresent(data, "previousMemberId", previous);
    data.put("reason", reason);
    record(lead, chosen, EventType.LEAD_REASSIGNED, now, caller, data);
  }

  private void record(
      Lead lead,
      Assignment chosen,
      EventType type,
      Instant now,
      Caller caller,
      Map<String, Object> data) {
    lead.getCycle().assign(chosen.memberId(), chosen.queue(), now);
    log.deadline(lead.getId(), lead.getCycle().getSla().getDeadline());
    lead.touch(now);
    events.record(lead.getId(), type, lead.getVersion(), now, caller, null, null, data);
  }

  private static Map<String, Object> data(Assignment chosen) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("memberId", chosen.memberId());
    EventLog.putIfPresent(data, "queue", chosen.queue());
    return data;
  }

  static RoutingSubject subject(Lead lead) {
    LeadDetails details = lead.getDetails();
    LeadCompany company = details.company();
    LeadAttribution attribution = details.attribution();
    return new RoutingSubject(
        details.segment(),
        attribution == null ? null : attribution.source(),
        attribution == null ? null : attribution.campaign(),
        company == null ? null : company.country(),
        company == null ? null : company.size(),
        company == null ? null : company.industry(),
        lead.getScore(),
        details.attributes());
  }
}
