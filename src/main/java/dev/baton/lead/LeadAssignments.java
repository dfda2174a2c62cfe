package dev.baton.lead;

import dev.baton.event.EventLog;
import dev.baton.event.EventType;
import dev.baton.problem.ProblemException;
import dev.baton.routing.Router;
import dev.baton.routing.Router.Assignment;
import dev.baton.routing.RoutingSubject;
import dev.baton.routing.TeamService;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lead entering QUALIFIED goes to a named member, in the transaction of the move: {@link Router}
 * chooses, the lead shows the {@code assignee}, and {@code lead.assigned} tells history, feed and
 * webhooks. Without routing rules nothing happens: the lead waits for sales as a whole.
 */
@ApplicationScoped
class LeadAssignments {

  private final Router router;
  private final TeamService team;
  private final EventLog events;

  LeadAssignments(Router router, TeamService team, EventLog events) {
    this.router = router;
    this.team = team;
    this.events = events;
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

  /** Assigns a lead that just entered QUALIFIED, if the rules route it and someone can take it. */
  @Transactional(Transactional.TxType.MANDATORY)
  void qualified(Lead lead, Instant now) {
    router
        .assign(lead.getId(), subject(lead), now)
        .ifPresent(
            chosen -> {
              Map<String, Object> data = data(chosen);
              EventLog.putIfPresent(data, "rule", chosen.rule());
              data.put("method", chosen.method().name());
              record(lead, chosen, EventType.LEAD_ASSIGNED, now, Caller.SYSTEM, data);
            });
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
