package dev.baton.webhook;

import java.util.Locale;

/**
 * An attempt to deliver a message ended, with what comes of the delivery: fired (a CDI event, in
 * the attempt's transaction) so that {@code /q/metrics} can count outcomes without this package
 * knowing it.
 */
public record DeliveryAttempted(Outcome outcome) {

  /** What an attempt made of its delivery: the four values of the {@code outcome} label. */
  public enum Outcome {
    /** The receiver answered 2xx. */
    SUCCEEDED,
    /** It failed; a retry is scheduled. */
    RETRYING,
    /** It failed and the schedule is spent: given up. */
    FAILED,
    /** The receiver answered 410: the subscription is disabled. */
    GONE;

    /** The label value, in lower case. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
