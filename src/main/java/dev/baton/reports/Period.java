package dev.baton.reports;

import dev.baton.web.QueryParams;
import java.time.Duration;
import java.time.Instant;

/** A report's period, [from, to): the last 30 days when not given. */
public record Period(Instant from, Instant to) {

  static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
  static final String FROM_DOC =
      "Start of the period, included: a date (2026-07-01, midnight UTC) or an RFC 3339 date-time;"
          + " 30 days before `to` when absent";
  static final String TO_DOC =
      "End of the period, excluded: a date or an RFC 3339 date-time; now when absent";

  public static Period of(QueryParams params, String from, String to, Instant now) {
    Instant end = params.periodBound("to", to);
    Instant start = params.periodBound("from", from);
    end = end == null ? now : end;
    start = start == null ? end.minus(DEFAULT_LENGTH) : start;
    if (!start.isBefore(end)) {
      params.reject("from", "must be before to");
    }
    return new Period(start, end);
  }

  /** The period's length in months of 365.25 / 12 days, to prorate monthly commitments. */
  double months() {
    return Duration.between(from, to).toSeconds() / (365.25 / 12 * 86_400);
  }
}
