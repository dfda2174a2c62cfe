package dev.baton.reason;

/** Whose failure a rejection reveals. */
public enum Accountable {
  /** Marketing targeted or captured the wrong lead. */
  MARKETING,
  /** Sales did not follow up. */
  SALES,
  /** Nobody: bad timing, no budget, a better competitor. */
  NONE
}
