package dev.baton.routing;

/** How a rule picks the member of its queue. */
public enum Method {
  /** Turns in proportion to the members' weights. */
  WEIGHTED_ROUND_ROBIN,
  /** The member with the fewest leads waiting for their answer. */
  LEAST_LOADED,
  /** The rule's {@code member}, when present and under capacity; else the fallback queue. */
  FIXED_MEMBER
}
