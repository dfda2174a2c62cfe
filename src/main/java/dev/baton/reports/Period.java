package dev.baton.reports;

import dev.baton.web.QueryParams;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/** A report's period, [from, to): the last 30 days when not given. */
public record Period(Instant from, Instant to) {

  static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

  /** 365.25 / 12 days. */
  static final long MONTH_SECONDS = 2_629_800;

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

  /**
   * A monthly commitment prorated to the period (months of 365.25 / 12 days), rounded up to a whole
   * number of leads: delivering at least that many is delivering at least the exact prorated
   * figure, so the verdict on the rounded commitment is the verdict on the exact one. Computed in
   * whole numbers (a month is 2,629,800 seconds), never in floating point.
   */
  long prorated(long perMonth) {
    long seconds = Duration.between(from, to).toSeconds();
    BigInteger numerator = BigInteger.valueOf(perMonth).multiply(BigInteger.valueOf(seconds));
    BigInteger[] quotient = numerator.divideAndRemainder(BigInteger.valueOf(MONTH_SECONDS));
    return quotient[0].longValueExact() + (quotient[1].signum() > 0 ? 1 : 0);
  }
}
