package dev.baton.lead;

import dev.baton.db.BatonClock;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.routing.Router;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sales manager moves a waiting lead to another member: a named one, or the next of a queue's
 * rotation other than the current assignee. The acceptance clock keeps running.
 */
@ApplicationScoped
public class ReassignService {

  private final LeadRepository leads;
  private final Router router;
  private final LeadAssignments assignments;
  private final LeadCycles cycles;
  private final BatonClock clock;

  public ReassignService(
      LeadRepository leads,
      Router router,
      LeadAssignments assignments,
      LeadCycles cycles,
      BatonClock clock) {
    this.leads = leads;
    this.router = router;
    this.assignments = assignments;
    this.cycles = cycles;
    this.clock = clock;
  }

  @Transactional
  public LeadView reassign(UUID id, List<Long> expected, ReassignLead in, Caller caller) {
    if ((in.memberId() == null) == (in.queue() == null)) {
      throw ProblemException.invalid("memberId", "give either memberId or queue, not both");
    }
    Lead lead = leads.lock(id).orElseThrow(() -> ProblemException.notFound("lead", id));
    ETags.check(expected, lead);
    if (lead.getStatus() != LeadStatus.QUALIFIED) {
      throw new ProblemException(
              ProblemType.NOT_WAITING,
              "Only a lead waiting for sales's answer (QUALIFIED) can be reassigned")
          .with("currentStatus", lead.getStatus());
    }
    LeadAssignee current = lead.getCycle().getAssignee();
    String previous = current == null ? null : current.memberId();
    Instant now = clock.now();
    Router.Assignment chosen =
        router
            .reassign(lead.getId(), in.queue(), in.memberId(), previous, now)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOBODY_AVAILABLE,
                        in.memberId() != null
                            ? "Member '" + in.memberId() + "' cannot take a lead now"
                            : "Nobody else in queue '" + in.queue() + "' can take a lead now"));
    assignments.reassigned(lead, chosen, previous, in.reason(), now, caller);
    cycles.save(lead);
    return LeadViews.of(lead);
  }
}
