package dev.baton.event;

import java.util.Arrays;
import java.util.List;

/**
 * Every event type there is, in the order the contract lists them. Emitters name their type here,
 * the feed's and the subscriptions' type filters accept these, the contract types each one ({@link
 * EventContract}) and docs/api.md prints them ({@link #markdown()}, checked by a test).
 */
public enum EventType {
  LEAD_CREATED(
      "lead.created", "a lead was handed off: one, in a batch, or by an external-id upsert"),
  LEAD_UPDATED("lead.updated", "its data was edited (`PATCH`, or an upsert): the fields changed"),
  LEAD_QUALIFIED("lead.qualified", "the move `qualify`"),
  LEAD_ACCEPTED("lead.accepted", "the move `accept`"),
  LEAD_REJECTED("lead.rejected", "the move `reject`"),
  LEAD_CONVERTED("lead.converted", "the move `convert`"),
  LEAD_RECYCLED("lead.recycled", "the move `recycle`"),
  LEAD_FEEDBACK_ADDED("lead.feedback_added", "sales gave field feedback"),
  LEAD_DISPUTED("lead.disputed", "marketing contested the rejection"),
  LEAD_DISPUTE_RESOLVED(
      "lead.dispute_resolved", "the dispute was answered: upheld, or overturned (`overturn`)"),
  LEAD_SLA_WARNING(
      "lead.sla_warning",
      "the policy's share of the acceptance time passed unanswered (actor `baton`): `deadline`,"
          + " `assigneeId`"),
  LEAD_SLA_BREACHED(
      "lead.sla_breached",
      "the acceptance deadline passed unanswered (actor `baton`), against `assigneeId` if any"),
  LEAD_ASSIGNED(
      "lead.assigned",
      "routing assigned the qualified lead to a member (actor `baton`): `memberId`, `queue`,"
          + " `rule`, `method`"),
  LEAD_REASSIGNED(
      "lead.reassigned",
      "a sales manager moved the lead to another member: `memberId`, `queue`, `previousMemberId`,"
          + " `reason`"),
  LEAD_ERASED("lead.erased", "the person's personal data was erased (no data)");

  private final String value;
  private final String when;

  EventType(String value, String when) {
    this.value = value;
    this.when = when;
  }

  /** The type as it is written in events, the feed, webhook messages and the contract. */
  public String value() {
    return value;
  }

  /** Every type's {@link #value()}, in order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(EventType::value).toList();
  }

  /** The types as a Markdown table, for docs/api.md. */
  public static String markdown() {
    StringBuilder table = new StringBuilder("| `type` | recorded when |\n|---|---|\n");
    for (EventType type : values()) {
      table.append("| `").append(type.value).append("` | ").append(type.when).append(" |\n");
    }
    return table.toString();
  }
}
