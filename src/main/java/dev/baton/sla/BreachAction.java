package dev.baton.sla;

/** What happens to a lead whose acceptance deadline passed unanswered, beyond the breach itself. */
public enum BreachAction {
  /** It stays with its assignee. */
  NOTHING,
  /** The next member of the assignee's queue gets it. */
  NEXT_MEMBER,
  /** The policy's {@code escalationQueue} gets it. */
  ESCALATION_QUEUE
}
