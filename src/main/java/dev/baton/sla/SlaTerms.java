package dev.baton.sla;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What the policy says of one lead's acceptance clock: the time allowed, the share of it after
 * which a warning is sent (null: none), and whether only the assignee's working hours count.
 */
public record SlaTerms(Duration allowed, BigDecimal warnAtShare, boolean workingHoursOnly) {

  /** Calendar time, no warning. */
  public static SlaTerms calendar(Duration allowed) {
    return new SlaTerms(allowed, null, false);
  }
}
