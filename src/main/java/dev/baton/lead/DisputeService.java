package dev.baton.lead;

import dev.baton.db.BatonClock;
import dev.baton.event.EventLog;
import dev.baton.event.EventType;
import dev.baton.lead.DisputeRecords.OpenDispute;
import dev.baton.lead.DisputeRecords.Outcome;
import dev.baton.lead.DisputeRecords.ResolveDispute;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Marketing contests a rejection by sales; sales (or an admin) upholds it, or overturns it and the
 * lead is QUALIFIED again with a fresh acceptance clock. One open dispute per lead at a time.
 */
@ApplicationScoped
public class DisputeService {

  private final LeadRepository leads;
  private final LeadConflicts conflicts;
  private final LeadChangeLog changes;
  private final BatonClock clock;

  public DisputeService(
      LeadRepository leads, LeadConflicts conflicts, LeadChangeLog changes, BatonClock clock) {
    this.leads = leads;
    this.conflicts = conflicts;
    this.changes = changes;
    this.clock = clock;
  }

  @Transactional
  public LeadView open(UUID id, List<Long> expected, OpenDispute in, Caller caller) {
    Lead lead = lock(id, expected);
    if (lead.getStatus() != LeadStatus.REJECTED) {
      throw new ProblemException(
          ProblemType.NOT_REJECTED,
          "Only a rejection can be disputed; the lead is " + lead.getStatus());
    }
    if (!lead.getCycle().wasQualified()) {
      throw new ProblemException(
          ProblemType.NOT_REJECTED_BY_SALES,
          "The lead was rejected before it was qualified, so before sales had it; only a"
              + " rejection of a qualified or accepted lead can be disputed");
    }
    if (lead.getCycle().hasOpenDispute()) {
      throw new ProblemException(
          ProblemType.DISPUTE_OPEN, "The rejection of this lead is already disputed");
    }
    Instant now = clock.now();
    lead.openDispute(in.note(), caller.name(), now);
    lead.touch(now);
    changes.cycles().disputed(lead);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reason", LeadViews.of(lead).dispute().reason());
    data.put("note", in.note());
    changes.changed(lead, EventType.LEAD_DISPUTED, null, null, now, caller, data);
    conflicts.flush(lead); // the lead, then its queued writes
    return LeadViews.of(lead);
  }

  @Transactional
  public LeadView resolve(UUID id, List<Long> expected, ResolveDispute in, Caller caller) {
    Lead lead = lock(id, expected);
    if (!lead.getCycle().hasOpenDispute()) {
      throw new ProblemException(
          ProblemType.NO_OPEN_DISPUTE, "The lead has no open dispute to resolve");
    }
    Instant now = clock.now();
    LeadStatus to = LeadStatus.REJECTED;
    if (in.outcome() == Outcome.OVERTURNED) {
      // A move of the funnel table, which says who may make it; only this answer reaches it.
      to = Funnel.move(Funnel.DisputeAnswer.OVERTURN, lead.getStatus(), caller.role()).to();
      FunnelService.requireNoOtherOpenLead(leads, lead);
      changes.cycles().overturned(lead);
      lead.overturnRejection(in.note(), caller.name(), now, changes.acceptanceTime(lead));
    } else {
      lead.upholdRejection(in.note(), caller.name(), now);
    }
    lead.touch(now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("outcome", in.outcome().name());
    EventLog.putIfPresent(data, "note", in.note());
    changes.changed(
        lead, EventType.LEAD_DISPUTE_RESOLVED, LeadStatus.REJECTED, to, now, caller, data);
    conflicts.flush(lead); // the lead, then its queued writes
    return LeadViews.of(lead);
  }

  private Lead lock(UUID id, List<Long> expected) {
    Lead lead = leads.lock(id).orElseThrow(() -> ProblemException.notFound("lead", id));
    ETags.check(expected, lead);
    return lead;
  }
}
