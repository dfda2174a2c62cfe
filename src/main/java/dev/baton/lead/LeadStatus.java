package dev.baton.lead;

/** Where a lead stands in the funnel. */
public enum LeadStatus {
  /** Captured by marketing, not yet qualified (an inquiry). */
  GENERATED,
  /** Marketing-qualified and handed to sales; the acceptance clock runs. */
  QUALIFIED,
  /** Sales accepted it and named an owner. */
  ACCEPTED,
  /** Became an opportunity or a customer. Terminal. */
  CONVERTED,
  /** Declined, always with a reason. */
  REJECTED
}
