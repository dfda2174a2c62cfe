package dev.baton.reports;

import static dev.baton.reports.FunnelMetricsFigures.assertKeysAndHandoffs;
import static dev.baton.reports.FunnelMetricsPlays.FUNNEL;
import static dev.baton.reports.FunnelMetricsPlays.ownDays;
import static dev.baton.reports.FunnelMetricsPlays.period;
import static dev.baton.reports.FunnelMetricsPlays.start;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.ExactReads.read;
import static dev.baton.testing.PlayedMoves.accept;
import static dev.baton.testing.PlayedMoves.handOff;
import static dev.baton.testing.PlayedMoves.qualify;
import static dev.baton.testing.PlayedMoves.rate;
import static dev.baton.testing.PlayedMoves.recycle;
import static dev.baton.testing.PlayedMoves.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.reports.FunnelMetricsFigures.Figures;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** GET /api/v1/funnel over periods: recycles, edited attributions, empty and default periods. */
@QuarkusTest
class FunnelPeriodsTest {

  @Inject TestClock clock;

  private static Instant hours(Instant base, int hours) {
    return base.plus(Duration.ofHours(hours));
  }

  @Test
  void aRecycleStartsACycleCountedOnTheDayOfTheRecycle() throws Exception {
    LocalDate day = ownDays();
    Instant base = start(day);
    // Handed off and rejected on day 1, recycled on day 2 at 01:00: the new cycle is day 2's.
    clock.stoppedAt(hours(base, 10));
    String lead = handOff("GENERATED", "recycle-src", "c1", "smb", null);
    clock.stoppedAt(hours(base, 11));
    reject(As.MARKETING, lead, "SPAM");
    rate(lead, 2);
    clock.stoppedAt(hours(base, 25));
    recycle(lead);
    clock.stoppedAt(hours(base, 26));
    qualify(lead);
    clock.stoppedAt(hours(base, 29));
    accept(lead, "dana");
    rate(lead, 5);
    clock.reset();

    Figures first =
        new Figures(null)
            .handedOff(1)
            .reached(1, 0, 0, 0, 1)
            .rates(null, null, null)
            .rejections(Map.of("SPAM", 1L), 1, 0, 0)
            .hours(null, null)
            .quality("2.00", 1)
            .disputes(0, 0)
            // the cycle ended in a recycle, whenever the recycle happened
            .recycles(1)
            .amounts(Map.of());
    Figures second =
        new Figures(null)
            .handedOff(1)
            .reached(1, 1, 1, 0, 0)
            .rates("1.0000", "0.0000", "0.0000")
            .rejections(Map.of(), 0, 0, 0)
            .hours("3.00", null)
            .quality("5.00", 1)
            .disputes(0, 0)
            .recycles(0)
            .amounts(Map.of());
    Figures both =
        new Figures(null)
            .handedOff(2)
            .reached(2, 1, 1, 0, 1)
            .rates("1.0000", "0.0000", "0.0000")
            .rejections(Map.of("SPAM", 1L), 1, 0, 0)
            .hours("3.00", null)
            .quality("3.50", 2)
            .disputes(0, 0)
            .recycles(1)
            .amounts(Map.of());

    first.assertMatches(
        read(As.ANALYST, FUNNEL, period(day, day.plusDays(1))).get("totals"), "day 1");
    second.assertMatches(
        read(As.ANALYST, FUNNEL, period(day.plusDays(1), day.plusDays(2))).get("totals"), "day 2");
    both.assertMatches(
        read(As.ANALYST, FUNNEL, period(day, day.plusDays(2))).get("totals"), "both days");

    // [from, to) to the microsecond, with date-times in any offset.
    Instant recycledAt = base.plus(Duration.ofHours(25));
    first.assertMatches(
        read(As.ANALYST, FUNNEL, Map.of("from", base.toString(), "to", recycledAt.toString()))
            .get("totals"),
        "up to the recycle, excluded");
    both.assertMatches(
        read(
                As.ANALYST,
                FUNNEL,
                Map.of(
                    "from",
                    base.atOffset(ZoneOffset.ofHours(2))
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "to",
                    recycledAt
                        .plus(1, ChronoUnit.MICROS)
                        .atOffset(ZoneOffset.ofHours(-5))
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
            .get("totals"),
        "up to just after the recycle");
    second.assertMatches(
        read(
                As.ANALYST,
                FUNNEL,
                Map.of("from", recycledAt.toString(), "to", day.plusDays(2).toString()))
            .get("totals"),
        "from the recycle, included");
  }

  @Test
  void anEditedAttributionRegroupsEveryCycleOfTheLead() throws Exception {
    LocalDate day = ownDays();
    Instant base = start(day);
    clock.stoppedAt(hours(base, 1));
    String lead = handOff("GENERATED", "before-edit", "c1", "smb", null);
    clock.stoppedAt(hours(base, 2));
    reject(As.MARKETING, lead, "SPAM");
    clock.stoppedAt(hours(base, 3));
    recycle(lead);
    // The clock stays here until the test ends: the lead, waiting for sales, is not overdue yet.
    clock.stoppedAt(hours(base, 4));
    qualify(lead);
    as(As.MARKETING)
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"" + Leads.version(lead) + "\"")
        .body(
            "{\"attribution\":{\"source\":\"after-edit\",\"content\":\"deck\"},\"segment\":\"ent\"}")
        .patch(Leads.LEADS + "/" + lead)
        .then()
        .statusCode(200);

    for (String[] by :
        new String[][] {{"source", "after-edit"}, {"content", "deck"}, {"segment", "ent"}}) {
      JsonNode report = read(As.ANALYST, FUNNEL, period(day, day.plusDays(1), by[0]));
      assertKeysAndHandoffs(report.get("groups"), new String[] {by[1]}, new long[] {2});
      new Figures(by[1])
          .handedOff(2)
          .reached(2, 1, 0, 0, 1)
          .rates("0.0000", null, "0.0000")
          .rejections(Map.of("SPAM", 1L), 1, 0, 0)
          .hours(null, null)
          .quality(null, 0)
          .disputes(0, 0)
          .recycles(1)
          .amounts(Map.of())
          .assertMatches(report.get("groups").get(0), "grouped by " + by[0]);
    }
  }

  @Test
  void aPeriodWithoutCyclesIsAllZeroWithUndefinedFiguresAbsent() {
    // A day of the 1960s, before any handoff any test makes.
    LocalDate day = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    JsonNode report = read(As.ANALYST, FUNNEL, period(day, day.plusDays(1), "source"));
    assertEquals(0, report.get("groups").size());
    new Figures(null)
        .handedOff(0)
        .reached(0, 0, 0, 0, 0)
        .rates(null, null, null)
        .rejections(Map.of(), 0, 0, 0)
        .hours(null, null)
        .quality(null, 0)
        .disputes(0, 0)
        .recycles(0)
        .amounts(Map.of())
        .assertMatches(report.get("totals"), "empty period");
  }

  @Test
  void withoutFromAndToThePeriodIsTheLast30Days() {
    Instant before = Instant.now();
    JsonNode report = read(As.ANALYST, FUNNEL, Map.of());
    Instant after = Instant.now();
    Instant from = Instant.parse(report.get("from").asText());
    Instant to = Instant.parse(report.get("to").asText());
    assertEquals(Duration.ofDays(30), Duration.between(from, to));
    assertFalse(to.isBefore(before.truncatedTo(ChronoUnit.MILLIS)), "to is now: " + to);
    assertFalse(to.isAfter(after), "to is now: " + to);

    JsonNode onlyTo = read(As.ANALYST, FUNNEL, Map.of("to", "2026-07-01"));
    assertEquals(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse(onlyTo.get("from").asText()));
  }
}
