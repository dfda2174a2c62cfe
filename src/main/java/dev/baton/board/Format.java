package dev.baton.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write numbers: every figure exactly as the API gives it, with its unit. Rates are
 * the API's four decimals read as a percentage (0.6667 is 66.67 %), hours keep the API's two
 * decimals, counts are grouped by thousands. Times are UTC, as everywhere in Baton.
 */
final class Format {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private Format() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A rate of the API (0 to 1) as a percentage; a dash when it is undefined. */
  static String percent(BigDecimal rate) {
    return rate == null ? "–" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  static String hours(BigDecimal hours) {
    return hours == null ? "–" : hours.toPlainString() + " h";
  }

  static String amount(BigDecimal amount, String currency) {
    return String.format(Locale.ROOT, "%,.2f", amount) + " " + currency;
  }

  static String day(LocalDate day) {
    return DAY.format(day);
  }

  static String time(Instant time) {
    return time == null ? "–" : MINUTE.format(time);
  }

  static String words(String constant) {
    String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
