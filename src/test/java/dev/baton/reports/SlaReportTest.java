package dev.baton.reports;

import static dev.baton.reports.SlaReportPlays.DEFAULT_POLICY;
import static dev.baton.reports.SlaReportPlays.SLA;
import static dev.baton.reports.SlaReportPlays.policyFor;
import static dev.baton.reports.SlaReportPlays.putPolicy;
import static dev.baton.reports.SlaReportPlays.query;
import static dev.baton.testing.ExactReads.assertCounts;
import static dev.baton.testing.ExactReads.assertDecimal;
import static dev.baton.testing.ExactReads.assertLong;
import static dev.baton.testing.ExactReads.read;
import static dev.baton.testing.ExactReads.unique;
import static dev.baton.testing.PlayedMoves.accept;
import static dev.baton.testing.PlayedMoves.handOff;
import static dev.baton.testing.PlayedMoves.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api.As;
import dev.baton.testing.CycleRows;
import dev.baton.testing.CycleRows.Plan;
import dev.baton.testing.TestClock;
import dev.baton.testing.Timeline;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/sla over every segment, for a segment without clocks, over the default period. */
@QuarkusTest
class SlaReportTest {

  @Inject AgroalDataSource db;
  @Inject TestClock clock;

  @Test
  void withoutASegmentTheReportCoversEverySegmentAgainstTheDefaultTargets() throws Exception {
    String segment = unique("sla-seg");
    // A day of the 1990s of this test's own: only its clocks are in the period.
    LocalDate day = CycleRows.ownDays();
    Instant base = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = base.plus(Duration.ofDays(1));
    putPolicy(policyFor(segment));
    try {
      String a;
      String b;
      String c;
      try (Timeline t = new Timeline(clock, base)) {
        a = t.at(1, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(2, () -> accept(a, "ana"));
        b = t.at(2, () -> handOff("QUALIFIED", "web", "c", unique("sla-other"), null));
        t.at(4, () -> reject(As.SALES, b, "SPAM"));
        c = t.at(3, () -> handOff("QUALIFIED", "web", "c", null, null));
        t.at(6, () -> accept(c, "ana"));
      }
      CycleRows.check(
          db,
          new Plan(a, 0, base)
              .acceptance(Duration.ofHours(4))
              .handedOff(1)
              .qualified(1)
              .accepted(2));
      CycleRows.check(db, new Plan(b, 0, base).handedOff(2).qualified(2).rejected(4));
      CycleRows.check(db, new Plan(c, 0, base).handedOff(3).qualified(3).accepted(6));

      JsonNode report = read(As.MARKETING, SLA, query(base, end, null));
      assertFalse(report.has("segment"), "no segment: " + report);
      JsonNode m = report.get("marketing");
      assertLong(3, m, "qualifiedDelivered", "all");
      // 1000 a month × 1 day / (365.25 / 12) days = 32.85
      assertLong(33, m, "qualifiedCommitment", "all");
      assertFalse(m.get("volumeMet").booleanValue(), "3 < 33");
      assertLong(3, m, "answered", "all");
      assertLong(2, m, "accepted", "all");
      assertDecimal("0.6667", m, "acceptanceRate", "all");
      assertDecimal("0.9", m, "acceptanceRateTarget", "all");
      assertFalse(m.get("acceptanceRateMet").booleanValue(), "0.6667 < 0.9");
      assertLong(1, m, "rejectionsAccountableToMarketing", "all");
      assertCounts(Map.of("SPAM", 1L), m.get("marketingRejectionsByReason"), "all.byReason");
      JsonNode s = report.get("sales");
      assertLong(3, s, "due", "all");
      assertLong(3, s, "answeredWithinSla", "all");
      assertDecimal("1.0000", s, "shareWithinSla", "all");
      // 1 2 3: p90 at 1.8: 2 + 0.8 × 1
      assertDecimal("2.00", s, "medianHoursToDecision", "all");
      assertDecimal("2.80", s, "p90HoursToDecision", "all");
      assertLong(0, s, "breaches", "all");
      assertNotNull(s.get("waitingNow"));
      assertNotNull(s.get("overdueNow"));

      // The same day for the segment alone, against its own targets.
      JsonNode one = read(As.MARKETING, SLA, query(base, end, segment));
      assertLong(1, one.get("marketing"), "qualifiedDelivered", "segment");
      // 33 × 12 / 365.25 = 1.08, rounded up: one lead is short of it.
      assertLong(2, one.get("marketing"), "qualifiedCommitment", "segment");
      assertFalse(one.get("marketing").get("volumeMet").booleanValue());
      assertDecimal("1.0000", one.get("marketing"), "acceptanceRate", "segment");
      assertDecimal("0.55", one.get("marketing"), "acceptanceRateTarget", "segment");
      assertDecimal("1.00", one.get("sales"), "medianHoursToDecision", "segment");
    } finally {
      putPolicy(DEFAULT_POLICY);
    }
  }

  @Test
  void aSegmentWithoutClocksHasZerosAndUndefinedFiguresAbsent() {
    JsonNode report =
        read(
            As.ANALYST,
            SLA,
            Map.of("from", "2026-07-01", "to", "2026-10-01", "segment", unique("sla-none")));
    assertEquals(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse(report.get("from").asText()));
    assertEquals(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse(report.get("to").asText()));
    JsonNode m = report.get("marketing");
    assertLong(0, m, "qualifiedDelivered", "empty");
    assertLong(0, m, "answered", "empty");
    assertLong(0, m, "accepted", "empty");
    assertLong(0, m, "rejectionsAccountableToMarketing", "empty");
    assertCounts(Map.of(), m.get("marketingRejectionsByReason"), "empty.byReason");
    for (String absent :
        List.of(
            "qualifiedCommitment",
            "volumeMet",
            "acceptanceRate",
            "acceptanceRateTarget",
            "acceptanceRateMet")) {
      assertFalse(m.has(absent), absent + " absent under the default policy: " + m);
    }
    JsonNode s = report.get("sales");
    for (String zero :
        List.of("due", "answeredWithinSla", "breaches", "waitingNow", "overdueNow")) {
      assertLong(0, s, zero, "empty");
    }
    for (String absent : List.of("shareWithinSla", "medianHoursToDecision", "p90HoursToDecision")) {
      assertFalse(s.has(absent), absent + " absent: " + s);
    }
  }

  @Test
  void withoutFromAndToTheReportCoversTheLast30Days() {
    JsonNode report = read(As.ANALYST, SLA, Map.of("segment", unique("sla-none")));
    Instant from = Instant.parse(report.get("from").asText());
    Instant to = Instant.parse(report.get("to").asText());
    assertEquals(Duration.ofDays(30), Duration.between(from, to));
    assertTrue(Duration.between(to, Instant.now()).abs().toMinutes() < 1, "to is now: " + to);
  }
}
