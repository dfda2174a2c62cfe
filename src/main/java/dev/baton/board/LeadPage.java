package dev.baton.board;

import dev.baton.event.EventView;
import dev.baton.feedback.FeedbackRecords.FeedbackView;
import dev.baton.lead.LeadRecords.LeadView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One lead as both sides see it: its status and owner, its acceptance clock, its rejection and
 * dispute, its history (who did what, when) and sales's feedback. From the same services as {@code
 * GET /api/v1/leads/{id}}, {@code /history} and {@code /feedback}.
 */
record LeadPage(
    String id,
    String name,
    String status,
    List<Fact> facts,
    List<Fact> clock,
    List<Fact> rejection,
    List<Fact> dispute,
    List<Step> history,
    List<Note> feedback) {

  record Fact(String label, String figure, String value) {}

  record Step(String when, String what, String who, String move, String details) {}

  record Note(String when, String who, String rating, String kind, String text) {}

  static LeadPage of(LeadView lead, List<EventView> events, List<FeedbackView> notes) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Source", "attribution.source", lead.attribution().source()));
    add(facts, "Campaign", "attribution.campaign", lead.attribution().campaign());
    add(facts, "Segment", "segment", lead.segment());
    add(facts, "Score", "score", lead.score() == null ? null : lead.score() + " / 100");
    add(
        facts,
        "Assigned to",
        "assignee.memberId",
        lead.assignee() == null ? null : lead.assignee().memberId());
    add(facts, "Owner in sales", "owner", lead.owner());
    add(facts, "Why marketing qualified it", "qualificationNote", lead.qualificationNote());
    if (lead.conversion() != null && lead.conversion().amount() != null) {
      facts.add(
          new Fact(
              "Converted for",
              "conversion.amount",
              Format.amount(lead.conversion().amount(), lead.conversion().currency())));
    }
    facts.add(new Fact("Recycled", "recycleCount", lead.recycleCount() + " times"));
    facts.add(new Fact("Handed off", "createdAt", Format.time(lead.createdAt())));
    List<Fact> clock = new ArrayList<>();
    if (lead.sla() != null) {
      clock.add(new Fact("State", "sla.state", Format.words(lead.sla().state().name())));
      clock.add(new Fact("Started", "sla.startedAt", Format.time(lead.sla().startedAt())));
      clock.add(new Fact("Deadline", "sla.deadline", Format.time(lead.sla().deadline())));
      clock.add(new Fact("Answered", "sla.decidedAt", Format.time(lead.sla().decidedAt())));
    }
    List<Fact> rejection = new ArrayList<>();
    if (lead.rejection() != null) {
      rejection.add(new Fact("Reason", "rejection.reason", lead.rejection().reason()));
      rejection.add(
          new Fact(
              "Accountable",
              "rejection.accountable",
              Format.words(lead.rejection().accountable().name())));
      add(rejection, "Note", "rejection.note", lead.rejection().note());
    }
    List<Fact> dispute = new ArrayList<>();
    if (lead.dispute() != null) {
      dispute.add(new Fact("State", "dispute.state", Format.words(lead.dispute().state().name())));
      dispute.add(new Fact("Reason contested", "dispute.reason", lead.dispute().reason()));
      add(dispute, "Marketing's case", "dispute.note", lead.dispute().note());
      dispute.add(
          new Fact(
              "Opened",
              "dispute.openedAt",
              Format.time(lead.dispute().openedAt()) + " by " + lead.dispute().openedBy()));
      if (lead.dispute().resolvedAt() != null) {
        dispute.add(
            new Fact(
                "Resolved",
                "dispute.resolvedAt",
                Format.time(lead.dispute().resolvedAt()) + " by " + lead.dispute().resolvedBy()));
        add(dispute, "Resolution", "dispute.resolutionNote", lead.dispute().resolutionNote());
      }
    }
    List<Step> history = new ArrayList<>();
    for (EventView e : events) {
      history.add(
          new Step(
              Format.time(e.occurredAt()),
              e.type(),
              e.actor().name()
                  + (e.actor().role() == null ? "" : " (" + Format.words(e.actor().role()) + ")"),
              e.fromStatus() == null && e.toStatus() == null
                  ? ""
                  : (e.fromStatus() == null ? "" : e.fromStatus() + " → ") + e.toStatus(),
              details(e.data())));
    }
    List<Note> feedback = new ArrayList<>();
    for (FeedbackView f : notes) {
      feedback.add(
          new Note(
              Format.time(f.createdAt()),
              f.author().name(),
              f.rating() == null ? "–" : f.rating() + " / 5",
              f.kind() == null ? "–" : Format.words(f.kind().name()),
              f.text() == null ? "" : f.text()));
    }
    return new LeadPage(
        lead.id().toString(),
        LeadRow.name(lead),
        lead.status().name(),
        facts,
        clock,
        rejection,
        dispute,
        history,
        feedback);
  }

  private static void add(List<Fact> facts, String label, String figure, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(new Fact(label, figure, value));
    }
  }

  private static String details(Map<String, Object> data) {
    if (data == null || data.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    data.forEach(
        (k, v) -> {
          if (v != null && !(v instanceof Map) && !(v instanceof List)) {
            text.append(text.isEmpty() ? "" : "; ").append(k).append(": ").append(v);
          }
        });
    return text.toString();
  }
}
