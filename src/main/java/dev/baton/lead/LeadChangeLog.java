package dev.baton.lead;

import dev.baton.event.EventLog;
import dev.baton.event.EventType;
import dev.baton.event.EventView;
import dev.baton.metrics.LeadMetrics;
import dev.baton.security.Caller;
import dev.baton.sla.SlaClock;
import dev.baton.sla.SlaPolicyService;
import dev.baton.sla.SlaTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every change of a lead writes besides the lead, in the same transaction: its event (history,
 * feed) and its cycle's funnel facts ({@link LeadCycles}). Services change leads, then tell this.
 */
@ApplicationScoped
public class LeadChangeLog {

  private final EventLog events;
  private final LeadCycles cycles;
  private final SlaPolicyService policies;
  private final LeadMetrics metrics;
  private final LeadAssignments assignments;

  public LeadChangeLog(
      EventLog events,
      LeadCycles cycles,
      SlaPolicyService policies,
      LeadMetrics metrics,
      LeadAssignments assignments) {
    this.events = events;
    this.cycles = cycles;
    this.policies = policies;
    this.metrics = metrics;
    this.assignments = assignments;
  }

  /** How long, and how, sales has to answer this lead if it enters QUALIFIED now. */
  SlaTerms acceptanceTime(Lead lead) {
    return policies.terms(lead.getDetails().segment());
  }

  /**
   * A new lead's cycle, count and event; when {@code route}, a qualified lead goes to routing,
   * whose assignment row refers to the lead: its row must be written by then.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void created(Lead lead, Instant now, Caller caller, Map<String, Object> data, boolean route) {
    cycles.save(lead);
    metrics.handedOff();
    events.record(
        lead.getId(),
        EventType.LEAD_CREATED,
        lead.getVersion(),
        now,
        caller,
        null,
        lead.getStatus(),
        data);
    if (route && lead.getStatus() == LeadStatus.QUALIFIED && assignments.qualified(lead, now)) {
      cycles.save(lead); // the assignee's working hours may have moved the deadline
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void updated(Lead lead, Instant now, Caller caller, Map<String, Object> data) {
    cycles.reattribute(lead);
    events.record(
        lead.getId(), EventType.LEAD_UPDATED, lead.getVersion(), now, caller, null, null, data);
  }

  /** A change of the lead's state: a move, a dispute, a breach. */
  @Transactional(Transactional.TxType.MANDATORY)
  void changed(
      Lead lead,
      EventType type,
      LeadStatus from,
      LeadStatus to,
      Instant now,
      Caller caller,
      Map<String, Object> data) {
    if (lead.isErased()) {
      lead.forgetFreeText();
      EventLog.PERSONAL_FIELDS.forEach(data::remove);
    }
    cycles.save(lead);
    if (from == LeadStatus.QUALIFIED && (to == LeadStatus.ACCEPTED || to == LeadStatus.REJECTED)) {
      assignments.answered(lead, now);
    }
    metrics.moved(type);
    if (to == LeadStatus.REJECTED && from != LeadStatus.REJECTED) {
      metrics.rejected(String.valueOf(data.get("reason")));
    }
    events.record(lead.getId(), type, lead.getVersion(), now, caller, from, to, data);
    if (to == LeadStatus.QUALIFIED
        && from != LeadStatus.QUALIFIED
        && assignments.qualified(lead, now)) {
      cycles.save(lead); // the assignee's working hours may have moved the deadline
    }
  }

  LeadAssignments assignments() {
    return assignments;
  }

  /**
   * The acceptance deadline passed unanswered: recorded once per clock, by whoever noticed first
   * (the breach job, or sales's late answer) while holding the lead's lock.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void slaBreached(Lead lead, Instant now) {
    SlaClock sla = lead.getCycle().getSla();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("startedAt", sla.getStartedAt().toString());
    data.put("deadline", sla.getDeadline().toString());
    EventLog.putIfPresent(data, "segment", lead.getDetails().segment());
    LeadAssignee assignee = lead.getCycle().getAssignee();
    EventLog.putIfPresent(data, "assigneeId", assignee == null ? null : assignee.memberId());
    cycles.save(lead);
    cycles.breached(lead);
    assignments.breached(lead, now);
    metrics.slaBreached();
    events.record(
        lead.getId(),
        EventType.LEAD_SLA_BREACHED,
        lead.getVersion(),
        now,
        Caller.SYSTEM,
        null,
        null,
        data);
  }

  /**
   * The person's data is gone: the event says so and nothing more. The funnel facts (the cycle) are
   * untouched, and so are the move counters.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void erased(Lead lead, Instant now, Caller caller) {
    metrics.erased();
    events.record(
        lead.getId(), EventType.LEAD_ERASED, lead.getVersion(), now, caller, null, null, Map.of());
  }

  /** The warning share of the time allowed passed: sent once per clock (actor {@code baton}). */
  @Transactional(Transactional.TxType.MANDATORY)
  void slaWarned(Lead lead, Instant now) {
    SlaClock sla = lead.getCycle().getSla();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("deadline", sla.getDeadline().toString());
    LeadAssignee assignee = lead.getCycle().getAssignee();
    EventLog.putIfPresent(data, "assigneeId", assignee == null ? null : assignee.memberId());
    events.record(
        lead.getId(),
        EventType.LEAD_SLA_WARNING,
        lead.getVersion(),
        now,
        Caller.SYSTEM,
        null,
        null,
        data);
  }

  LeadCycles cycles() {
    return cycles;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  List<EventView> history(UUID leadId) {
    return events.history(leadId);
  }
}
