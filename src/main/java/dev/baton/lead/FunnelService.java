package dev.baton.lead;

import dev.baton.db.BatonClock;
import dev.baton.event.EventLog;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.MoveRecords.AcceptLead;
import dev.baton.lead.MoveRecords.ConvertLead;
import dev.baton.lead.MoveRecords.QualifyLead;
import dev.baton.lead.MoveRecords.RecycleLead;
import dev.baton.lead.MoveRecords.RejectLead;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.reason.RejectionReason;
import dev.baton.reason.RejectionReasonService;
import dev.baton.security.Caller;
import dev.baton.sla.SlaClock;
import dev.baton.sla.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves leads through the funnel. Each move locks the lead, asks {@link Funnel} whether it is
 * allowed, checks the move's business inputs, changes the lead and records the event, all in one
 * transaction.
 */
@ApplicationScoped
public class FunnelService {

  private final LeadRepository leads;
  private final LeadConflicts conflicts;
  private final RejectionReasonService reasons;
  private final BatonClock clock;
  private final LeadChangeLog changes;

  public FunnelService(
      LeadRepository leads,
      LeadConflicts conflicts,
      RejectionReasonService reasons,
      LeadChangeLog changes,
      BatonClock clock) {
    this.leads = leads;
    this.conflicts = conflicts;
    this.reasons = reasons;
    this.changes = changes;
    this.clock = clock;
  }

  @Transactional
  public LeadView qualify(UUID id, List<Long> expected, QualifyLead in, Caller caller) {
    return move(
        id,
        expected,
        Action.QUALIFY,
        caller,
        (lead, now, data) -> {
          lead.qualify(in.score(), in.note(), now, changes.acceptanceTime(lead));
          EventLog.putIfPresent(data, "score", in.score());
          EventLog.putIfPresent(data, "note", in.note());
        });
  }

  @Transactional
  public LeadView accept(UUID id, List<Long> expected, AcceptLead in, Caller caller) {
    return move(
        id,
        expected,
        Action.ACCEPT,
        caller,
        (lead, now, data) -> {
          String owner = changes.assignments().owner(lead, in.owner());
          lead.accept(owner, now);
          data.put("owner", owner);
          EventLog.putIfPresent(data, "note", in.note());
        });
  }

  @Transactional
  public LeadView reject(UUID id, List<Long> expected, RejectLead in, Caller caller) {
    return move(
        id,
        expected,
        Action.REJECT,
        caller,
        (lead, now, data) -> {
          RejectionReason reason = reasons.usable(in.reason());
          if (reason.isRequiresNote() && (in.note() == null || in.note().isBlank())) {
            throw ProblemException.invalid("note", "is required with reason " + reason.getCode());
          }
          lead.reject(reason, in.note(), now);
          data.put("reason", reason.getCode());
          data.put("accountable", reason.getAccountable().name());
          EventLog.putIfPresent(data, "note", in.note());
        });
  }

  @Transactional
  public LeadView convert(UUID id, List<Long> expected, ConvertLead in, Caller caller) {

    return move(
        id,
        expected,
        Action.CONVERT,
        caller,
        (lead, now, data) -> {
          lead.convert(in.opportunityRef(), in.amount(), in.currency(), now);
          EventLog.putIfPresent(data, "opportunityRef", in.opportunityRef());
          EventLog.putIfPresent(data, "amount", in.amount());
          EventLog.putIfPresent(data, "currency", in.currency());
          EventLog.putIfPresent(data, "note", in.note());
        });
  }

  @Transactional
  public LeadView recycle(UUID id, List<Long> expected, RecycleLead in, Caller caller) {
    return move(
        id,
        expected,
        Action.RECYCLE,
        caller,
        (lead, now, data) -> {
          if (lead.isErased()) {
            throw PersonalDataService.erased(lead.getId(), "it cannot be recycled");
          }
          if (lead.getCycle().hasOpenDispute()) {
            throw new ProblemException(
                ProblemType.DISPUTE_OPEN,
                "The rejection of this lead is disputed; sales resolves the dispute before the"
                    + " lead can be recycled");
          }
          requireNoOtherOpenLead(leads, lead);
          changes.cycles().recycled(lead, now);
          lead.recycle(now);
          data.put("recycleCount", lead.getRecycleCount());
          EventLog.putIfPresent(data, "note", in.note());
        });
  }

  /** Reopening a lead: the person must not have another open lead meanwhile. */
  static void requireNoOtherOpenLead(LeadRepository leads, Lead lead) {
    leads.lockIdentities(List.of(LeadRepository.personKey(lead.getEmailNormalized())));
    leads
        .findOpen(lead.getEmailNormalized())
        .ifPresent(
            open -> {
              throw LeadConflicts.duplicate(open.getId());
            });
  }

  @FunctionalInterface
  private interface Change {
    void apply(Lead lead, Instant now, Map<String, Object> data);
  }

  private LeadView move(UUID id, List<Long> expected, Action action, Caller caller, Change change) {
    Funnel.requireRole(action, caller.role());
    Lead lead = leads.lockToWrite(id).orElseThrow(() -> ProblemException.notFound("lead", id));

    ETags.check(expected, lead);
    LeadStatus from = lead.getStatus();
    Funnel.Move move = Funnel.move(action, from, caller.role());
    Instant now = clock.now();
    Map<String, Object> data = new LinkedHashMap<>();
    SlaClock before = lead.getCycle().getSla();
    boolean wasPending = before != null && before.getState() == SlaState.PENDING;
    change.apply(lead, now, data);
    lead.touch(now);
    if (wasPending && lead.getCycle().getSla().getState() == SlaState.BREACHED) {
      changes.slaBreached(lead, now);
    }
    changes.changed(lead, action.eventType(), from, move.to(), now, caller, data);
    leads.write(lead); // the row as the move left it, with the cycle, the event and the deliveries
    conflicts.flush(lead);
    return LeadViews.of(lead);
  }
}
