package dev.baton.lead;

import dev.baton.db.Ids;
import dev.baton.event.EventLog;
import dev.baton.event.EventType;
import dev.baton.lead.PastRecords.Past;
import dev.baton.lead.PastRecords.PastCycle;
import dev.baton.lead.PastRecords.PastFeedback;
import dev.baton.lead.PastRecords.PastFeedbackRow;
import dev.baton.lead.PastRecords.PastMove;
import dev.baton.problem.ProblemException;
import dev.baton.reason.RejectionReason;
import dev.baton.security.Role;
import dev.baton.sla.SlaClock;
import dev.baton.sla.SlaState;
import dev.baton.sla.SlaTerms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays a lead's past, in memory, through the same {@link Funnel} table and {@link Lead} methods as
 * the live moves, each at its own time: what it leaves (the lead, one {@link PastCycle} per cycle,
 * the events, the feedback) is what the live calls would have written, so the reports count the
 * imported past exactly as if it had been played live. What differs is said where it happens: no
 * routing, no breach events, the actor {@code import}.
 */
public final class HistoryReplay {

  /** What the catalog and the SLA policy answer, read once per batch. */
  public interface Rules {
    RejectionReason usableReason(String code);

    SlaTerms terms(String segment);
  }

  private HistoryReplay() {}

  /**
   * Plays {@code past} up to {@code now}; a 400 problem naming the offending field when the past is
   * not one the funnel allows (a move from the wrong status, a time out of order or in the future,
   * an unknown reason).
   */
  public static Played play(Past past, Instant now, Rules rules) {
    Instant handedOffAt = past.history().handedOffAt();
    if (handedOffAt.isAfter(now)) {
      throw ProblemException.invalid("handedOffAt", "must not be in the future");
    }
    Lead lead = new Lead(past.lead(), handedOffAt);
    Played played = new Played(lead);
    if (lead.getStatus() == LeadStatus.QUALIFIED) {
      lead.startSla(handedOffAt, rules.terms(lead.getDetails().segment()));
    }
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("status", lead.getStatus().name());
    created.put("source", past.lead().attribution().source());
    EventLog.putIfPresent(created, "campaign", past.lead().attribution().campaign());
    EventLog.putIfPresent(created, "segment", past.lead().segment());
    EventLog.putIfPresent(created, "score", past.lead().score());
    played.event(EventType.LEAD_CREATED, handedOffAt, null, lead.getStatus(), created);

    List<PastMove> moves = past.history().movesOrNone();
    List<PastFeedback> feedback = past.history().feedbackOrNone();
    Instant last = handedOffAt;
    int f = 0;
    for (int m = 0; m < moves.size(); m++) {
      PastMove move = moves.get(m);
      String field = "moves[" + m + "]";
      if (move.at().isBefore(last)) {
        throw ProblemException.invalid(
            field + ".at", "must not be before the handoff or the move before it");
      }
      if (move.at().isAfter(now)) {
        throw ProblemException.invalid(field + ".at", "must not be in the future");
      }
      // Feedback given before this move (or at its time, after it) goes to the cycle of its time.
      for (; f < feedback.size() && feedback.get(f).at().isBefore(move.at()); f++) {
        give(played, feedback.get(f), f, handedOffAt, now);
      }
      move(played, move, field, rules);
      last = move.at();
    }
    for (; f < feedback.size(); f++) {
      give(played, feedback.get(f), f, handedOffAt, now);
    }
    SlaClock sla = lead.getCycle().getSla();
    if (sla != null) {
      if (sla.breach(now)) {
        played.breaches++;
      }
      sla.markImported();
    }
    played.closeCycle(null);
    return played;
  }

  private static void move(Played played, PastMove move, String field, Rules rules) {
    Lead lead = played.lead;
    Action action = move.toAction();
    LeadStatus from = lead.getStatus();
    Funnel.Move allowed;
    try {
      allowed = Funnel.move(action, from, Role.ADMIN);
    } catch (ProblemException e) {
      throw ProblemException.invalid(
          field + ".action",
          "'"
              + action.label()
              + "' is not allowed from "
              + from
              + "; allowed: "
              + Funnel.allowedFrom(from).stream().map(Action::path).toList());
    }
    Instant at = move.at();
    SlaClock before = lead.getCycle().getSla();
    boolean wasPending = before != null && before.getState() == SlaState.PENDING;
    Map<String, Object> data = new LinkedHashMap<>();
    switch (action) {
      case QUALIFY -> {
        lead.qualify(move.score(), move.note(), at, rules.terms(lead.getDetails().segment()));
        EventLog.putIfPresent(data, "score", move.score());
      }
      case ACCEPT -> {
        if (move.owner() == null) {
          throw ProblemException.invalid(field + ".owner", "is required to accept");
        }
        lead.accept(move.owner(), at);
        data.put("owner", move.owner());
      }
      case REJECT -> {
        if (move.reason() == null) {
          throw ProblemException.invalid(field + ".reason", "is required to reject");
        }
        RejectionReason reason = rules.usableReason(move.reason());
        if (reason == null) {
          throw ProblemException.invalid(
              field + ".reason", "unknown or inactive rejection reason '" + move.reason() + "'");
        }
        if (reason.isRequiresNote() && (move.note() == null || move.note().isBlank())) {
          throw ProblemException.invalid(
              field + ".note", "is required with reason " + reason.getCode());
        }
        lead.reject(reason, move.note(), at);
        data.put("reason", reason.getCode());
        data.put("accountable", reason.getAccountable().name());
      }
      case CONVERT -> {
        if ((move.amount() == null) != (move.currency() == null)) {
          String missing = move.amount() == null ? "amount" : "currency";
          throw ProblemException.invalid(field + "." + missing, "amount and currency go together");
        }
        lead.convert(move.opportunityRef(), move.amount(), move.currency(), at);
        EventLog.putIfPresent(data, "opportunityRef", move.opportunityRef());
        EventLog.putIfPresent(data, "amount", move.amount());
        EventLog.putIfPresent(data, "currency", move.currency());
      }
      case RECYCLE -> {
        played.closeCycle(at);
        lead.recycle(at);
        data.put("recycleCount", lead.getRecycleCount());
      }
    }
    EventLog.putIfPresent(data, "note", move.note());
    lead.touch(at);
    if (wasPending && lead.getCycle().getSla().getState() == SlaState.BREACHED) {
      played.breaches++;
    }
    played.event(action.eventType(), at, from, allowed.to(), data);
  }

  private static void give(
      Played played, PastFeedback given, int index, Instant from, Instant now) {
    String field = "feedback[" + index + "]";
    if (given.at().isBefore(from) || given.at().isAfter(now)) {
      throw ProblemException.invalid(field + ".at", "must be between the handoff and now");
    }
    if (given.rating() == null && given.kind() == null) {
      throw ProblemException.invalid(
          field + ".rating", "give a rating, a kind with its text, or both");
    }
    if (given.kind() != null && (given.text() == null || given.text().isBlank())) {
      throw ProblemException.invalid(field + ".text", "is required with a kind");
    }
    UUID id = Ids.next();
    played.feedback.add(
        new PastFeedbackRow(
            id, played.leadId(), given.rating(), given.kind(), given.text(), given.at()));
    if (given.rating() != null) {
      played.ratingSum += given.rating();
      played.ratingCount++;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("feedbackId", id);
    EventLog.putIfPresent(data, "rating", given.rating());
    EventLog.putIfPresent(data, "kind", given.kind());
    EventLog.putIfPresent(data, "text", given.text());
    played.event(EventType.LEAD_FEEDBACK_ADDED, given.at(), null, null, data);
  }
}
