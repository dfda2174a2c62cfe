package dev.baton.routing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A queue member as the choice of an assignee sees them at one moment: weight and credit in the
 * queue, whether present (active, not away), when next working ({@code available}: now itself when
 * working now), and their load against their capacities.
 */
record Candidate(
    String memberId,
    int weight,
    BigDecimal credit,
    boolean present,
    Instant available,
    long open,
    Integer maxOpen,
    long today,
    Integer maxPerDay) {

  boolean underCapacity() {
    return (maxOpen == null || open < maxOpen) && (maxPerDay == null || today < maxPerDay);
  }

  boolean eligible() {
    return present && underCapacity();
  }

  /** Why this member cannot take a lead now, or null when they can. */
  String whyNot(Instant now) {
    if (!present) {
      return memberId + " is inactive or away";
    }
    if (maxOpen != null && open >= maxOpen) {
      return memberId + " has " + open + " leads waiting, their limit (maxOpen " + maxOpen + ")";
    }
    if (maxPerDay != null && today >= maxPerDay) {
      return memberId + " had " + today + " leads today, their limit (maxPerDay " + maxPerDay + ")";
    }
    return null;
  }
}
