package dev.baton.reports;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.ExactReads.assertAmounts;
import static dev.baton.testing.ExactReads.assertCounts;
import static dev.baton.testing.ExactReads.assertDecimal;
import static dev.baton.testing.ExactReads.assertLong;
import static dev.baton.testing.ExactReads.read;
import static dev.baton.testing.PlayedMoves.accept;
import static dev.baton.testing.PlayedMoves.convert;
import static dev.baton.testing.PlayedMoves.dispute;
import static dev.baton.testing.PlayedMoves.handOff;
import static dev.baton.testing.PlayedMoves.qualify;
import static dev.baton.testing.PlayedMoves.rate;
import static dev.baton.testing.PlayedMoves.recycle;
import static dev.baton.testing.PlayedMoves.reject;
import static dev.baton.testing.PlayedMoves.resolve;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api.As;
import dev.baton.testing.CycleRows;
import dev.baton.testing.CycleRows.Plan;
import dev.baton.testing.Leads;
import dev.baton.testing.TestClock;
import dev.baton.testing.Timeline;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/funnel audited on a crafted set of cycles: every figure of the report compared with
 * one computed by hand from the plan below. The cycles are played on a day of their own, so that no
 * other test's leads enter the cohort.
 */
@QuarkusTest
class FunnelMetricsTest {

  private static final String FUNNEL = "/api/v1/funnel";

  @Inject AgroalDataSource db;
  @Inject TestClock clock;

  /** A day between 1990 and 2019 for this test alone; the next three days are its too. */
  private static LocalDate ownDays() {
    return CycleRows.ownDays();
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant hours(Instant base, int hours) {
    return base.plus(Duration.ofHours(hours));
  }

  private static Map<String, String> period(LocalDate from, LocalDate to) {
    return Map.of("from", from.toString(), "to", to.toString());
  }

  private static Map<String, String> period(LocalDate from, LocalDate to, String groupBy) {
    return Map.of("from", from.toString(), "to", to.toString(), "groupBy", groupBy);
  }

  // ---------------------------------------------------------------------------------------------
  // The data set
  // ---------------------------------------------------------------------------------------------

  /**
   * Thirteen cycles of twelve leads, handed off on one day (hours from its midnight). Columns:
   * source, campaign, segment, content, owner; then the funnel, the ratings and the disputes.
   *
   * <pre>
   * C1  L1  webinar c1 smb guide ana   QUALIFIED at 0.5, accepted +1.5h, converted +24h 1000.50 EUR; rated 5, 4
   * C2  L2  webinar c1 smb  -    ana   GENERATED at 1, qualified 2, accepted +3h, converted +48.5h 2500.25 EUR
   * C3  L3  ads     c2 ent guide bob   GENERATED at 1.5, qualified 3, accepted +0.25h, converted +2h 700.00 USD; rated 3
   * C4  L4  ads     c2 ent  -    bob   QUALIFIED at 2, accepted +10h, converted +100h, no amount
   * C5  L5  ads     c2 ent  -     -    QUALIFIED at 2.5, rejected NOT_ICP (MARKETING); rated 2
   * C6  L6  webinar c1 smb  -    ana   QUALIFIED at 3, accepted +4.5h, then rejected UNRESPONSIVE (SALES)
   * C7  L7  ads      - smb  -     -    GENERATED at 3.5, rejected SPAM by marketing (MARKETING)
   * C8  L8  webinar c1 ent  -     -    QUALIFIED at 4, rejected NO_BUDGET (NONE), disputed, upheld
   * C9  L9  partner c3 ent  -    bob   QUALIFIED at 4.5, rejected NOT_ICP, disputed, overturned at 14.5,
   *                                    accepted at 16.5 (+2h from its last entry into QUALIFIED)
   * C10 L10 webinar c1 smb  -     -    GENERATED at 5, qualified 6, rejected NOT_ICP; rated 1; recycled at 9
   * C11 L10 webinar c1 smb  -    ana   (recycle) handed off at 9, qualified 10, accepted +7.75h; rated 4
   * C12 L11 ads     c2 smb  -     -    GENERATED at 10
   * C13 L12 partner c3 ent  -   carol  QUALIFIED at 11, accepted +20h
   * </pre>
   */
  private record DataSet(LocalDate day, List<Plan> plans) {}

  private DataSet thirteenCycles() throws Exception {
    LocalDate day = ownDays();
    Instant base = start(day);
    List<Plan> plans = new ArrayList<>();
    try (Timeline t = new Timeline(clock, base)) {
      String l1 = t.at(0.5, () -> handOff("QUALIFIED", "webinar", "c1", "smb", "guide"));
      t.at(2, () -> accept(l1, "ana"));
      t.at(
          26,
          () -> {
            convert(l1, "1000.50", "EUR");
            rate(l1, 5);
            rate(l1, 4);
          });
      plans.add(new Plan(l1, 0, base).handedOff(0.5).qualified(0.5).accepted(2).converted(26));

      String l2 = t.at(1, () -> handOff("GENERATED", "webinar", "c1", "smb", null));
      t.at(2, () -> qualify(l2));
      t.at(5, () -> accept(l2, "ana"));
      t.at(53.5, () -> convert(l2, "2500.25", "EUR"));
      plans.add(new Plan(l2, 0, base).handedOff(1).qualified(2).accepted(5).converted(53.5));

      String l3 = t.at(1.5, () -> handOff("GENERATED", "ads", "c2", "ent", "guide"));
      t.at(3, () -> qualify(l3));
      t.at(3.25, () -> accept(l3, "bob"));
      t.at(
          5.25,
          () -> {
            convert(l3, "700.00", "USD");
            rate(l3, 3);
          });
      plans.add(new Plan(l3, 0, base).handedOff(1.5).qualified(3).accepted(3.25).converted(5.25));

      String l4 = t.at(2, () -> handOff("QUALIFIED", "ads", "c2", "ent", null));
      t.at(12, () -> accept(l4, "bob"));
      t.at(112, () -> convert(l4, null, null));
      plans.add(new Plan(l4, 0, base).handedOff(2).qualified(2).accepted(12).converted(112));

      String l5 = t.at(2.5, () -> handOff("QUALIFIED", "ads", "c2", "ent", null));
      t.at(
          4,
          () -> {
            reject(As.SALES, l5, "NOT_ICP");
            rate(l5, 2);
          });
      plans.add(new Plan(l5, 0, base).handedOff(2.5).qualified(2.5).rejected(4));

      String l6 = t.at(3, () -> handOff("QUALIFIED", "webinar", "c1", "smb", null));
      t.at(7.5, () -> accept(l6, "ana"));
      t.at(30, () -> reject(As.SALES, l6, "UNRESPONSIVE"));
      plans.add(new Plan(l6, 0, base).handedOff(3).qualified(3).accepted(7.5).rejected(30));

      String l7 = t.at(3.5, () -> handOff("GENERATED", "ads", null, "smb", null));
      t.at(4, () -> reject(As.MARKETING, l7, "SPAM"));
      plans.add(new Plan(l7, 0, base).handedOff(3.5).rejected(4));

      String l8 = t.at(4, () -> handOff("QUALIFIED", "webinar", "c1", "ent", null));
      t.at(5, () -> reject(As.SALES, l8, "NO_BUDGET"));
      t.at(6, () -> dispute(l8));
      t.at(8, () -> resolve(l8, "UPHELD"));
      plans.add(new Plan(l8, 0, base).handedOff(4).qualified(4).rejected(5));

      // The overturn clears the rejection and restarts the clock; the cycle's qualification stays.
      String l9 = t.at(4.5, () -> handOff("QUALIFIED", "partner", "c3", "ent", null));
      t.at(6, () -> reject(As.SALES, l9, "NOT_ICP"));
      t.at(7, () -> dispute(l9));
      t.at(14.5, () -> resolve(l9, "OVERTURNED"));
      t.at(16.5, () -> accept(l9, "bob"));
      plans.add(
          new Plan(l9, 0, base).handedOff(4.5).qualified(4.5).clockRestarted(14.5).accepted(16.5));

      String l10 = t.at(5, () -> handOff("GENERATED", "webinar", "c1", "smb", null));
      t.at(6, () -> qualify(l10));
      t.at(
          8,
          () -> {
            reject(As.SALES, l10, "NOT_ICP");
            rate(l10, 1);
          });
      t.at(9, () -> recycle(l10));
      t.at(10, () -> qualify(l10));
      t.at(
          17.75,
          () -> {
            accept(l10, "ana");
            rate(l10, 4);
          });
      plans.add(new Plan(l10, 0, base).handedOff(5).qualified(6).rejected(8).recycled(9));
      plans.add(new Plan(l10, 1, base).handedOff(9).qualified(10).accepted(17.75));

      String l11 = t.at(10, () -> handOff("GENERATED", "ads", "c2", "smb", null));
      plans.add(new Plan(l11, 0, base).handedOff(10));

      String l12 = t.at(11, () -> handOff("QUALIFIED", "partner", "c3", "ent", null));
      t.at(31, () -> accept(l12, "carol"));
      plans.add(new Plan(l12, 0, base).handedOff(11).qualified(11).accepted(31));
    }

    for (Plan plan : plans) {
      CycleRows.check(db, plan);
    }
    return new DataSet(day, plans);
  }

  // ---------------------------------------------------------------------------------------------
  // Totals and groups
  // ---------------------------------------------------------------------------------------------

  /** The totals of the thirteen cycles, by hand. */
  private static final Figures TOTALS =
      new Figures(null)
          .handedOff(13)
          // generated: C2 C3 C7 C10 C11 C12; qualified: all but C7 C12;
          // accepted: C1 C2 C3 C4 C6 C9 C11 C13; converted: C1-C4;
          // rejected: C5 C6 C7 C8 C10 (C9's rejection was overturned)
          .reached(6, 11, 8, 4, 5)
          // 8/11, 4/8, 4/11
          .rates("0.7273", "0.5000", "0.3636")
          .rejections(
              Map.of("NOT_ICP", 2L, "UNRESPONSIVE", 1L, "SPAM", 1L, "NO_BUDGET", 1L), 3, 1, 1)
          // to accept: 0.25 1.5 2 3 | 4.5 7.75 10 20 -> (3 + 4.5) / 2
          // to convert: 2 24 | 48.5 100 -> (24 + 48.5) / 2
          .hours("3.75", "36.25")
          // 5 4 3 2 1 4 = 19 / 6 = 3.1666…
          .quality("3.17", 6)
          .disputes(2, 1)
          .recycles(1)
          .amounts(Map.of("EUR", "3500.75", "USD", "700.00"));

  @Test
  void totalsAreExactlyTheHandComputedFunnelOfThePeriodsCycles() throws Exception {
    DataSet data = thirteenCycles();
    JsonNode report = read(As.ANALYST, FUNNEL, period(data.day(), data.day().plusDays(1)));

    assertEquals(start(data.day()), Instant.parse(report.get("from").asText()));
    assertEquals(start(data.day().plusDays(1)), Instant.parse(report.get("to").asText()));
    assertFalse(report.has("groupBy"), "no groupBy without grouping");
    assertEquals(0, report.get("groups").size(), "no groups without groupBy");
    TOTALS.assertMatches(report.get("totals"), "totals");
  }

  @Test
  void groupsBySourceAreExactAndSortedByHandoffsAndAddUpToTheTotals() throws Exception {
    DataSet data = thirteenCycles();
    JsonNode report =
        read(As.ANALYST, FUNNEL, period(data.day(), data.day().plusDays(1), "source"));

    assertEquals("source", report.get("groupBy").asText());
    TOTALS.assertMatches(report.get("totals"), "totals grouped by source");
    List<Figures> expected =
        List.of(
            // C1 C2 C6 C8 C10 C11
            new Figures("webinar")
                .handedOff(6)
                .reached(3, 6, 4, 2, 3)
                .rates("0.6667", "0.5000", "0.3333")
                .rejections(Map.of("UNRESPONSIVE", 1L, "NO_BUDGET", 1L, "NOT_ICP", 1L), 1, 1, 1)
                // 1.5 3 | 4.5 7.75; 24 48.5
                .hours("3.75", "36.25")
                // 5 4 1 4
                .quality("3.50", 4)
                .disputes(1, 0)
                .recycles(1)
                .amounts(Map.of("EUR", "3500.75")),
            // C3 C4 C5 C7 C12
            new Figures("ads")
                .handedOff(5)
                .reached(3, 3, 2, 2, 2)
                .rates("0.6667", "1.0000", "0.6667")
                .rejections(Map.of("NOT_ICP", 1L, "SPAM", 1L), 2, 0, 0)
                // 0.25 10 -> 5.125; 2 100 -> 51
                .hours("5.13", "51.00")
                .quality("2.50", 2)
                .disputes(0, 0)
                .recycles(0)
                .amounts(Map.of("USD", "700.00")),
            // C9 C13
            new Figures("partner")
                .handedOff(2)
                .reached(0, 2, 2, 0, 0)
                .rates("1.0000", "0.0000", "0.0000")
                .rejections(Map.of(), 0, 0, 0)
                // 2 20
                .hours("11.00", null)
                .quality(null, 0)
                .disputes(1, 1)
                .recycles(0)
                .amounts(Map.of()));
    assertGroups(expected, report.get("groups"));
  }

  @Test
  void theOwnerGroupIsTheOwnerWhoAcceptedTheCycleAndTheNullGroupHasNoKey() throws Exception {
    DataSet data = thirteenCycles();
    JsonNode report =
        read(As.MARKETING, FUNNEL, period(data.day(), data.day().plusDays(1), "owner"));

    List<Figures> expected =
        List.of(
            // C5 C7 C8 C10 C12: never accepted
            new Figures(null)
                .handedOff(5)
                .reached(3, 3, 0, 0, 4)
                .rates("0.0000", null, "0.0000")
                .rejections(Map.of("NOT_ICP", 2L, "SPAM", 1L, "NO_BUDGET", 1L), 3, 0, 1)
                .hours(null, null)
                // 2 1
                .quality("1.50", 2)
                .disputes(1, 0)
                .recycles(1)
                .amounts(Map.of()),
            // C1 C2 C6 C11
            new Figures("ana")
                .handedOff(4)
                .reached(2, 4, 4, 2, 1)
                .rates("1.0000", "0.5000", "0.5000")
                .rejections(Map.of("UNRESPONSIVE", 1L), 0, 1, 0)
                .hours("3.75", "36.25")
                // 5 4 4
                .quality("4.33", 3)
                .disputes(0, 0)
                .recycles(0)
                .amounts(Map.of("EUR", "3500.75")),
            // C3 C4 C9: 0.25 2 10; 2 100
            new Figures("bob")
                .handedOff(3)
                .reached(1, 3, 3, 2, 0)
                .rates("1.0000", "0.6667", "0.6667")
                .rejections(Map.of(), 0, 0, 0)
                .hours("2.00", "51.00")
                .quality("3.00", 1)
                .disputes(1, 1)
                .recycles(0)
                .amounts(Map.of("USD", "700.00")),
            // C13
            new Figures("carol")
                .handedOff(1)
                .reached(0, 1, 1, 0, 0)
                .rates("1.0000", "0.0000", "0.0000")
                .rejections(Map.of(), 0, 0, 0)
                .hours("20.00", null)
                .quality(null, 0)
                .disputes(0, 0)
                .recycles(0)
                .amounts(Map.of()));
    assertGroups(expected, report.get("groups"));
  }

  @Test
  void campaignSegmentAndContentGroupsCountEveryCycleOnceInHandoffOrder() throws Exception {
    DataSet data = thirteenCycles();
    LocalDate day = data.day();

    JsonNode campaigns = read(As.SALES, FUNNEL, period(day, day.plusDays(1), "campaign"));
    assertKeysAndHandoffs(
        campaigns.get("groups"), new String[] {"c1", "c2", "c3", null}, new long[] {6, 4, 2, 1});
    // C7, the only cycle without a campaign
    new Figures(null)
        .handedOff(1)
        .reached(1, 0, 0, 0, 1)
        .rates(null, null, null)
        .rejections(Map.of("SPAM", 1L), 1, 0, 0)
        .hours(null, null)
        .quality(null, 0)
        .disputes(0, 0)
        .recycles(0)
        .amounts(Map.of())
        .assertMatches(campaigns.get("groups").get(3), "campaign null");

    JsonNode segments = read(As.SALES, FUNNEL, period(day, day.plusDays(1), "segment"));
    assertKeysAndHandoffs(segments.get("groups"), new String[] {"smb", "ent"}, new long[] {7, 6});
    // C3 C4 C5 C8 C9 C13: to accept 0.25 10 2 20 -> 1.5 … (2 + 10) / 2
    new Figures("ent")
        .handedOff(6)
        .reached(1, 6, 4, 2, 2)
        .rates("0.6667", "0.5000", "0.3333")
        .rejections(Map.of("NOT_ICP", 1L, "NO_BUDGET", 1L), 1, 0, 1)
        .hours("6.00", "51.00")
        .quality("2.50", 2)
        .disputes(2, 1)
        .recycles(0)
        .amounts(Map.of("USD", "700.00"))
        .assertMatches(segments.get("groups").get(1), "segment ent");

    JsonNode contents = read(As.ADMIN, FUNNEL, period(day, day.plusDays(1), "content"));
    assertKeysAndHandoffs(contents.get("groups"), new String[] {null, "guide"}, new long[] {11, 2});
    // C1 C3
    new Figures("guide")
        .handedOff(2)
        .reached(1, 2, 2, 2, 0)
        .rates("1.0000", "1.0000", "1.0000")
        .rejections(Map.of(), 0, 0, 0)
        // 1.5 0.25 -> 0.875; 24 2 -> 13
        .hours("0.88", "13.00")
        .quality("4.00", 3)
        .disputes(0, 0)
        .recycles(0)
        .amounts(Map.of("EUR", "1000.50", "USD", "700.00"))
        .assertMatches(contents.get("groups").get(1), "content guide");
  }

  // ---------------------------------------------------------------------------------------------
  // Cycles and periods
  // ---------------------------------------------------------------------------------------------

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

  // ---------------------------------------------------------------------------------------------
  // Errors and access
  // ---------------------------------------------------------------------------------------------

  @Test
  void anUnknownGroupByIsRefusedNamingTheFieldAndTheAllowedValues() {
    as(As.ANALYST)
        .queryParam("groupBy", "medium")
        .get(FUNNEL)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("status", equalTo(400))
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo("groupBy"))
        .body(
            "errors[0].message",
            equalTo("must be one of source, campaign, segment, owner, content, assignee, queue"));
    // Values are case-sensitive, as on the wire.
    as(As.ANALYST)
        .queryParam("groupBy", "SOURCE")
        .get(FUNNEL)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("groupBy"));
  }

  @Test
  void badDatesAreRefusedNamingEachField() {
    for (String bad :
        List.of("2026-13-01", "01/07/2026", "2026-07-01T00:00:00", "yesterday", "2026-7-1")) {
      as(As.ANALYST)
          .queryParam("from", bad)
          .queryParam("to", "2026-08-01")
          .get(FUNNEL)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("from"))
          .body(
              "errors[0].message", equalTo("must be a date (2026-07-01) or an RFC 3339 date-time"));
      as(As.ANALYST)
          .queryParam("to", bad)
          .get(FUNNEL)
          .then()
          .statusCode(400)
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("to"));
    }
    // Every bad parameter at once.
    as(As.ANALYST)
        .queryParam("from", "x")
        .queryParam("to", "y")
        .queryParam("groupBy", "z")
        .get(FUNNEL)
        .then()
        .statusCode(400)
        .body("errors.size()", equalTo(3))
        .body("errors.field", hasItem("from"))
        .body("errors.field", hasItem("to"))
        .body("errors.field", hasItem("groupBy"));
  }

  @Test
  void fromNotBeforeToIsRefusedNamingFrom() {
    for (Map<String, String> bounds :
        List.of(
            Map.of("from", "2026-07-02", "to", "2026-07-01"),
            Map.of("from", "2026-07-01", "to", "2026-07-01"),
            Map.of("from", "2026-07-01T02:00:00+02:00", "to", "2026-07-01T00:00:00Z"),
            // Without to, to is now.
            Map.of("from", "2999-01-01"))) {
      as(As.ANALYST)
          .queryParams(bounds)
          .get(FUNNEL)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("from"))
          .body("errors[0].message", equalTo("must be before to"));
    }
  }

  @Test
  void everyRoleReadsTheFunnelAndAnonymousCallersAreUnauthorized() {
    for (As role : As.values()) {
      as(role)
          .queryParam("from", "2026-07-01")
          .queryParam("to", "2026-07-02")
          .queryParam("groupBy", "owner")
          .get(FUNNEL)
          .then()
          .statusCode(200)
          .body("groupBy", equalTo("owner"));
    }
    given()
        .get(FUNNEL)
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:unauthorized"))
        .body("status", equalTo(401));
    given()
        .auth()
        .oauth2("not-a-key")
        .get(FUNNEL)
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:baton:problem:unauthorized"));
  }

  // ---------------------------------------------------------------------------------------------
  // Expected figures
  // ---------------------------------------------------------------------------------------------

  private static void assertGroups(List<Figures> expected, JsonNode groups) {
    assertEquals(
        expected.stream().map(f -> f.key).toList(), keys(groups), "groups, most handoffs first");
    for (int i = 0; i < expected.size(); i++) {
      expected.get(i).assertMatches(groups.get(i), "group " + expected.get(i).key);
    }
  }

  private static void assertKeysAndHandoffs(JsonNode groups, String[] keys, long[] handedOff) {
    assertEquals(Arrays.asList(keys), keys(groups), "group keys in order");
    for (int i = 0; i < keys.length; i++) {
      assertEquals(
          handedOff[i], groups.get(i).get("handedOff").longValue(), "handedOff " + keys[i]);
    }
  }

  private static List<String> keys(JsonNode groups) {
    List<String> keys = new ArrayList<>();
    groups.forEach(g -> keys.add(g.has("key") ? g.get("key").asText() : null));
    return keys;
  }

  /** The figures of a set of cycles, as an auditor expects them; decimals as exact strings. */
  static final class Figures {
    final String key;
    long handedOff;
    long[] reached;
    String[] rates;
    Map<String, Long> byReason;
    long[] accountable;
    String toAccept;
    String toConvert;
    String meanRating;
    long ratings;
    long opened;
    long overturned;
    long recycles;
    Map<String, String> amounts;

    Figures(String key) {
      this.key = key;
    }

    Figures handedOff(long n) {
      handedOff = n;
      return this;
    }

    Figures reached(long generated, long qualified, long accepted, long converted, long rejected) {
      reached = new long[] {generated, qualified, accepted, converted, rejected};
      return this;
    }

    Figures rates(
        String qualifiedToAccepted, String acceptedToConverted, String qualifiedToConverted) {
      rates = new String[] {qualifiedToAccepted, acceptedToConverted, qualifiedToConverted};
      return this;
    }

    Figures rejections(Map<String, Long> byReason, long marketing, long sales, long none) {
      this.byReason = byReason;
      accountable = new long[] {marketing, sales, none};
      return this;
    }

    Figures hours(String toAccept, String toConvert) {
      this.toAccept = toAccept;
      this.toConvert = toConvert;
      return this;
    }

    Figures quality(String meanRating, long ratings) {
      this.meanRating = meanRating;
      this.ratings = ratings;
      return this;
    }

    Figures disputes(long opened, long overturned) {
      this.opened = opened;
      this.overturned = overturned;
      return this;
    }

    Figures recycles(long n) {
      recycles = n;
      return this;
    }

    Figures amounts(Map<String, String> amounts) {
      this.amounts = amounts;
      return this;
    }

    void assertMatches(JsonNode actual, String what) {
      if (key == null) {
        assertFalse(actual.has("key"), what + ": no key, was " + actual.get("key"));
      } else {
        assertEquals(key, actual.get("key").asText(), what + ".key");
      }
      assertLong(handedOff, actual, "handedOff", what);
      JsonNode r = actual.get("reached");
      String[] statuses = {"generated", "qualified", "accepted", "converted", "rejected"};
      for (int i = 0; i < statuses.length; i++) {
        assertLong(reached[i], r, statuses[i], what + ".reached");
      }
      JsonNode rt = actual.get("rates");
      assertDecimal(rates[0], rt, "qualifiedToAccepted", what + ".rates");
      assertDecimal(rates[1], rt, "acceptedToConverted", what + ".rates");
      assertDecimal(rates[2], rt, "qualifiedToConverted", what + ".rates");
      JsonNode rejections = actual.get("rejections");
      assertCounts(byReason, rejections.get("byReason"), what + ".rejections.byReason");
      JsonNode by = rejections.get("byAccountable");
      assertLong(accountable[0], by, "marketing", what + ".byAccountable");
      assertLong(accountable[1], by, "sales", what + ".byAccountable");
      assertLong(accountable[2], by, "none", what + ".byAccountable");
      assertDecimal(toAccept, actual, "medianHoursToAccept", what);
      assertDecimal(toConvert, actual, "medianHoursToConvert", what);
      assertDecimal(meanRating, actual.get("quality"), "meanRating", what + ".quality");
      assertLong(ratings, actual.get("quality"), "ratings", what + ".quality");
      assertLong(opened, actual.get("disputes"), "opened", what + ".disputes");
      assertLong(overturned, actual.get("disputes"), "overturned", what + ".disputes");
      assertLong(recycles, actual, "recycles", what);
      assertAmounts(amounts, actual.get("convertedAmounts"), what + ".convertedAmounts");
      assertTrue(actual.size() <= 11, what + ": no unexpected field in " + actual);
    }
  }
}
