package dev.baton.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The weeks (from Monday, UTC) or calendar months (UTC) that a period touches, by first day. */
final class TimeBuckets {

  /** More buckets than this is a period of over twenty years by week: refused as a parameter. */
  static final int MAX = 1_100;

  private TimeBuckets() {}

  static List<String> starts(Period period, boolean months) {
    LocalDate first = period.from().atOffset(ZoneOffset.UTC).toLocalDate();
    first =
        months
            ? first.withDayOfMonth(1)
            : first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<String> starts = new ArrayList<>();
    for (LocalDate day = first;
        day.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(period.to());
        day = months ? day.plusMonths(1) : day.plusWeeks(1)) {
      starts.add(day.toString());
    }
    return starts;
  }

  /** At least as many buckets as {@link #starts} gives, without listing them. */
  static long atLeast(Period period, boolean months) {
    long days = Duration.between(period.from(), period.to()).toDays();
    return months ? days / 31 : days / 7;
  }
}
