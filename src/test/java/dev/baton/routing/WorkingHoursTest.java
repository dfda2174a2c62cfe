package dev.baton.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final WorkingHours WEEKDAYS =
      new WorkingHours(
          Set.of(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.FRIDAY),
          "09:00",
          "17:30");

  @Test
  void aSpanIncludesItsStartAndExcludesItsEnd() {
    assertTrue(WEEKDAYS.covers(at("2026-12-07T09:00")));
    assertTrue(WEEKDAYS.covers(at("2026-12-07T17:29")));
    assertFalse(WEEKDAYS.covers(at("2026-12-07T17:30")));
    assertFalse(WEEKDAYS.covers(at("2026-12-07T08:59")));
    assertFalse(WEEKDAYS.covers(at("2026-12-05T10:00")), "a Saturday");
  }

  @Test
  void anOvernightSpanBelongsToTheDayItStarts() {
    WorkingHours nights = new WorkingHours(Set.of(DayOfWeek.FRIDAY), "22:00", "06:00");
    assertTrue(nights.covers(at("2026-12-04T23:00")), "Friday night");
    assertTrue(nights.covers(at("2026-12-05T05:59")), "Saturday morning, Friday's shift");
    assertFalse(nights.covers(at("2026-12-05T23:00")), "Saturday night");
  }

  @Test
  void theNextStartSkipsTheWeekend() {
    assertEquals(at("2026-12-07T09:00"), WEEKDAYS.nextStart(at("2026-12-04T18:00")));
    assertEquals(
        at("2026-12-07T09:00"),
        WorkingHours.nextWorking(List.of(WEEKDAYS), at("2026-12-05T12:00")));
    assertEquals(
        at("2026-12-07T10:00"),
        WorkingHours.nextWorking(List.of(WEEKDAYS), at("2026-12-07T10:00")));
    assertEquals(
        at("2026-12-05T12:00"), WorkingHours.nextWorking(List.of(), at("2026-12-05T12:00")));
  }

  private static ZonedDateTime at(String local) {
    return java.time.LocalDateTime.parse(local).atZone(PARIS);
  }
}
