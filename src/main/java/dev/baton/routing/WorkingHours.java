package dev.baton.routing;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A span of working time on some days of the week, in the member's time zone. */
@Schema(
    name = "WorkingHours",
    description =
        "A span of working time, `from` (included) to `to` (excluded) as HH:mm in the member's time"
            + " zone, on each of `days`; `to` before `from` runs past midnight")
public record WorkingHours(
    @Schema(required = true, examples = "[\"MONDAY\", \"TUESDAY\"]") @NotEmpty
        Set<@NotNull DayOfWeek> days,
    @Schema(required = true, examples = "09:00")
        @NotNull
        @Pattern(regexp = HH_MM, message = "must be HH:mm, 00:00 to 23:59")
        String from,
    @Schema(required = true, examples = "17:30")
        @NotNull
        @Pattern(regexp = HH_MM, message = "must be HH:mm, 00:00 to 23:59")
        String to) {

  static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

  /** Whether {@code at} (in the member's zone) falls in this span. */
  boolean covers(ZonedDateTime at) {
    LocalTime start = LocalTime.parse(from);
    LocalTime end = LocalTime.parse(to);
    LocalTime time = at.toLocalTime();
    if (!end.isAfter(start)) {
      // Overnight: the evening part belongs to the listed day, the morning part to the next.
      return (days.contains(at.getDayOfWeek()) && !time.isBefore(start))
          || (days.contains(at.getDayOfWeek().minus(1)) && time.isBefore(end));
    }
    return days.contains(at.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }

  /** When the next span of these hours starts after {@code at}, within a week. */
  ZonedDateTime nextStart(ZonedDateTime at) {
    LocalTime start = LocalTime.parse(from);
    for (int day = 0; day <= 7; day++) {
      ZonedDateTime candidate = at.toLocalDate().plusDays(day).atTime(start).atZone(at.getZone());
      if (candidate.isAfter(at) && days.contains(candidate.getDayOfWeek())) {
        return candidate;
      }
    }
    throw new IllegalStateException("working hours without a day");
  }

  /** The spans of these hours that start on {@code date}, as instants in {@code zone}. */
  private List<Instant[]> spansOn(java.time.LocalDate date, ZoneId zone) {
    if (!days.contains(date.getDayOfWeek())) {
      return List.of();
    }
    LocalTime start = LocalTime.parse(from);
    LocalTime end = LocalTime.parse(to);
    java.time.LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
    return List.<Instant[]>of(
        new Instant[] {
          date.atTime(start).atZone(zone).toInstant(), endDate.atTime(end).atZone(zone).toInstant()
        });
  }

  /**
   * When {@code worked} of working time has passed from {@code start}, counting only {@code hours}
   * in {@code zone} (every hour when there are none). Overlapping spans count once.
   */
  static Instant afterWorking(
      List<WorkingHours> hours, ZoneId zone, Instant start, Duration worked) {
    if (hours == null || hours.isEmpty()) {
      return start.plus(worked);
    }
    Duration left = worked;
    Instant cursor = start;
    java.time.LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < 3 * 366; i++, day = day.plusDays(1)) {
      java.time.LocalDate date = day;
      List<Instant[]> spans =
          hours.stream()
              .flatMap(h -> h.spansOn(date, zone).stream())
              .sorted(java.util.Comparator.comparing((Instant[] span) -> span[0]))
              .toList();
      for (Instant[] span : spans) {
        Instant from = span[0].isAfter(cursor) ? span[0] : cursor;
        if (!span[1].isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, span[1]);
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
        cursor = span[1];
      }
    }
    return start.plus(worked);
  }

  /** Whether any of {@code hours} covers {@code at}; no hours at all: always. */
  static boolean working(List<WorkingHours> hours, ZonedDateTime at) {
    return hours == null || hours.isEmpty() || hours.stream().anyMatch(h -> h.covers(at));
  }

  /** The next start of any of {@code hours} after {@code at}; {@code at} when always working. */
  static ZonedDateTime nextWorking(List<WorkingHours> hours, ZonedDateTime at) {
    if (working(hours, at)) {
      return at;
    }
    return hours.stream().map(h -> h.nextStart(at)).min(ZonedDateTime::compareTo).orElse(at);
  }
}
