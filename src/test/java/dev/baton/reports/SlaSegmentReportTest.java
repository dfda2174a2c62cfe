package dev.baton.reports;

import static dev.baton.reports.SlaReportPlays.DEFAULT_POLICY;
import static dev.baton.reports.SlaReportPlays.SLA;
import static dev.baton.reports.SlaReportPlays.assertMorningReport;
import static dev.baton.reports.SlaReportPlays.assertOtherSegmentsReport;
import static dev.baton.reports.SlaReportPlays.lead;
import static dev.baton.reports.SlaReportPlays.policyFor;
import static dev.baton.reports.SlaReportPlays.putPolicy;
import static dev.baton.reports.SlaReportPlays.query;
import static dev.baton.testing.ExactReads.assertCounts;
import static dev.baton.testing.ExactReads.assertDecimal;
import static dev.baton.testing.ExactReads.assertLong;
import static dev.baton.testing.ExactReads.read;
import static dev.baton.testing.ExactReads.unique;
import static dev.baton.testing.Leads.awaitSlaState;
import static dev.baton.testing.PlayedMoves.accept;
import static dev.baton.testing.PlayedMoves.dispute;
import static dev.baton.testing.PlayedMoves.handOff;
import static dev.baton.testing.PlayedMoves.qualify;
import static dev.baton.testing.PlayedMoves.recycle;
import static dev.baton.testing.PlayedMoves.reject;
import static dev.baton.testing.PlayedMoves.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api.As;
import dev.baton.testing.CycleRows;
import dev.baton.testing.CycleRows.Plan;
import dev.baton.testing.TestClock;
import dev.baton.testing.Timeline;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/sla for a segment of its own, every figure against the hand-computed contract. */
@QuarkusTest
class SlaSegmentReportTest {

  @Inject AgroalDataSource db;
  @Inject TestClock clock;

  /**
   * Eleven clocks of the segment first qualified in a ten-day period that ends in the future (hours
   * from its start; the segment's policy gives sales 4 hours):
   *
   * <pre>
   * S1  qualified 1,  accepted +2h                         MET
   * S2  qualified 2,  accepted +3h                         MET
   * S3  qualified 3,  rejected NOT_ICP +1h (MARKETING)     MET
   * S4  qualified 4,  rejected SPAM +0.5h (MARKETING)      MET
   * S5  qualified 5,  rejected UNRESPONSIVE +10h (SALES)   BREACHED
   * S6  qualified 6,  accepted +6h                         BREACHED
   * S7  qualified 7,  rejected NOT_ICP +2h, disputed, overturned at 20 (a new clock), accepted
   *                   at 21: +1h                           MET
   * S8  qualified now, waiting, deadline still ahead      PENDING, not due
   * S9  qualified 31, waiting, deadline passed             BREACHED by the job, due, unanswered
   * S12 qualified 10, rejected BAD_TIMING +1.5h (NONE)     MET; recycled at 12
   * S12' (its next cycle) qualified 13, accepted +2.5h     MET
   * </pre>
   *
   * Outside the cohort: S10 first qualified two hours before the period; S11 handed off as
   * GENERATED and never qualified; S13 of another segment.
   *
   * <p>S5 and S6 are answered past their deadline: the late answer or the breach job, whichever
   * comes first, records the breach. S9's clock is still running when the clock is back to the real
   * time, which is past its deadline: the job breaches it.
   */
  @Test
  void aSegmentsReportIsExactlyTheHandComputedContractOfItsCycles() throws Exception {
    String segment = unique("sla-seg");
    String other = unique("sla-other");
    Instant base =
        LocalDate.now(ZoneOffset.UTC).minusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = base.plus(Duration.ofDays(10));
    Duration four = Duration.ofHours(4);
    putPolicy(policyFor(segment));
    try {
      List<Plan> plans = new ArrayList<>();
      String s1;
      String s2;
      String s3;
      String s4;
      String s5;
      String s6;
      String s7;
      String s8;
      String s9;
      String s12;
      String s13;
      try (Timeline t = new Timeline(clock, base)) {
        s1 = t.at(1, () -> handOff("QUALIFIED", "web", "c", segment, null));
        JsonPath started = lead(s1);
        assertEquals(
            Instant.parse(started.getString("sla.startedAt")).plus(four),
            Instant.parse(started.getString("sla.deadline")),
            "the segment's policy gives sales 4 hours");
        t.at(3, () -> accept(s1, "ana"));
        plans.add(new Plan(s1, 0, base).acceptance(four).handedOff(1).qualified(1).accepted(3));

        s2 = t.at(2, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(5, () -> accept(s2, "ana"));
        plans.add(new Plan(s2, 0, base).acceptance(four).handedOff(2).qualified(2).accepted(5));

        s3 = t.at(3, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(4, () -> reject(As.SALES, s3, "NOT_ICP"));
        plans.add(new Plan(s3, 0, base).acceptance(four).handedOff(3).qualified(3).rejected(4));

        s4 = t.at(4, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(4.5, () -> reject(As.SALES, s4, "SPAM"));
        plans.add(new Plan(s4, 0, base).acceptance(four).handedOff(4).qualified(4).rejected(4.5));

        s5 = t.at(5, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(15, () -> reject(As.SALES, s5, "UNRESPONSIVE"));
        plans.add(new Plan(s5, 0, base).acceptance(four).handedOff(5).qualified(5).rejected(15));

        s6 = t.at(6, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(12, () -> accept(s6, "bob"));
        plans.add(new Plan(s6, 0, base).acceptance(four).handedOff(6).qualified(6).accepted(12));

        s7 = t.at(7, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(9, () -> reject(As.SALES, s7, "NOT_ICP"));
        t.at(10, () -> dispute(s7));
        t.at(20, () -> resolve(s7, "OVERTURNED"));
        t.at(21, () -> accept(s7, "bob"));
        plans.add(
            new Plan(s7, 0, base)
                .acceptance(four)
                .handedOff(7)
                .qualified(7)
                .clockRestarted(20)
                .accepted(21));

        s9 = t.at(31, () -> handOff("QUALIFIED", "web", "c", segment, null));
        plans.add(new Plan(s9, 0, base).acceptance(four).handedOff(31).qualified(31));

        String s10 = t.at(-2, () -> handOff("QUALIFIED", "web", "c", segment, null));
        t.at(1, () -> accept(s10, "ana"));
        plans.add(new Plan(s10, 0, base).acceptance(four).handedOff(-2).qualified(-2).accepted(1));

        String s11 = t.at(3, () -> handOff("GENERATED", "web", "c", segment, null));
        plans.add(new Plan(s11, 0, base).handedOff(3));

        s12 = t.at(8, () -> handOff("GENERATED", "web", "c", segment, null));
        t.at(10, () -> qualify(s12));
        t.at(11.5, () -> reject(As.SALES, s12, "BAD_TIMING"));
        t.at(12, () -> recycle(s12));
        t.at(13, () -> qualify(s12));
        t.at(15.5, () -> accept(s12, "ana"));
        plans.add(
            new Plan(s12, 0, base)
                .acceptance(four)
                .handedOff(8)
                .qualified(10)
                .rejected(11.5)
                .recycled(12));
        plans.add(
            new Plan(s12, 1, base).acceptance(four).handedOff(12).qualified(13).accepted(15.5));

        s13 = t.at(5, () -> handOff("QUALIFIED", "web", "c", other, null));
        t.at(6, () -> accept(s13, "ana"));
        plans.add(new Plan(s13, 0, base).handedOff(5).qualified(5).accepted(6));

        // Now, to the second: its deadline is four hours ahead of the real time.
        double now = Duration.between(base, Instant.now()).toSeconds() / 3600.0;
        s8 = t.at(now, () -> handOff("QUALIFIED", "web", "c", segment, null));
        plans.add(new Plan(s8, 0, base).acceptance(four).handedOff(now).qualified(now));
      }
      awaitSlaState(s9, "BREACHED");

      // What the service decided.
      for (String met : List.of(s1, s2, s3, s4, s7, s12, s13)) {
        assertEquals("MET", lead(met).getString("sla.state"), "sla.state of " + met);
      }
      for (String breached : List.of(s5, s6, s9)) {
        assertEquals("BREACHED", lead(breached).getString("sla.state"), "sla.state of " + breached);
      }
      assertEquals("PENDING", lead(s8).getString("sla.state"));
      for (Plan plan : plans) {
        CycleRows.check(db, plan);
      }
      // Each clock past its deadline counts one breach, whoever noticed it first.
      for (String lead : List.of(s5, s6, s9)) {
        assertEquals(1, CycleRows.row(db, lead, 0).get("sla_breaches"), "breaches of " + lead);
      }

      JsonNode report = read(As.ANALYST, SLA, query(base, end, segment));
      assertEquals(base, Instant.parse(report.get("from").asText()));
      assertEquals(end, Instant.parse(report.get("to").asText()));
      assertEquals(segment, report.get("segment").asText());

      JsonNode marketing = report.get("marketing");
      // S1-S9, S12, S12'
      assertLong(11, marketing, "qualifiedDelivered", "marketing");
      // 33 a month × 10 days / (365.25 / 12) days = 10.84
      assertLong(11, marketing, "qualifiedCommitment", "marketing");
      assertEquals(true, marketing.get("volumeMet").asBoolean(), "11 ≥ 11");
      assertTrue(marketing.get("volumeMet").isBoolean());
      // all but S8 S9
      assertLong(9, marketing, "answered", "marketing");
      // S1 S2 S6 S7 S12'
      assertLong(5, marketing, "accepted", "marketing");
      assertDecimal("0.5556", marketing, "acceptanceRate", "marketing");
      assertDecimal("0.55", marketing, "acceptanceRateTarget", "marketing");
      assertTrue(marketing.get("acceptanceRateMet").booleanValue(), "0.5556 ≥ 0.55");
      // S3 S4; S7's NOT_ICP was overturned, S5's is sales's, S12's nobody's
      assertLong(2, marketing, "rejectionsAccountableToMarketing", "marketing");
      assertCounts(
          Map.of("NOT_ICP", 1L, "SPAM", 1L),
          marketing.get("marketingRejectionsByReason"),
          "marketing.marketingRejectionsByReason");

      JsonNode sales = report.get("sales");
      // answered (9) and S9, past its deadline; not S8
      assertLong(10, sales, "due", "sales");
      // S1 S2 S3 S4 S7 S12 S12'
      assertLong(7, sales, "answeredWithinSla", "sales");
      assertDecimal("0.7000", sales, "shareWithinSla", "sales");
      // 0.5 1 1 1.5 [2] 2.5 3 6 10: median the 5th; p90 at 0.9 × 8 = 7.2: 6 + 0.2 × (10 - 6)
      assertDecimal("2.00", sales, "medianHoursToDecision", "sales");
      assertDecimal("6.80", sales, "p90HoursToDecision", "sales");
      // S5 S6 S9
      assertLong(3, sales, "breaches", "sales");
      // S8 S9 are QUALIFIED now; S9 past its deadline
      assertLong(2, sales, "waitingNow", "sales");
      assertLong(1, sales, "overdueNow", "sales");

      // A segment without an entry: no volume commitment, the default acceptance-rate target.
      JsonNode others = read(As.ANALYST, SLA, query(base, end, other));
      assertOtherSegmentsReport(others);

      // The first half-day only: S1-S7, S12 (its next cycle was qualified at 13, excluded).
      JsonNode morning = read(As.SALES, SLA, query(base, base.plus(Duration.ofHours(13)), segment));
      assertMorningReport(morning);
    } finally {
      putPolicy(DEFAULT_POLICY);
    }
  }
}
