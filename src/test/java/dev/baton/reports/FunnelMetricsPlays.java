package dev.baton.reports;

import static dev.baton.testing.PlayedMoves.accept;
import static dev.baton.testing.PlayedMoves.convert;
import static dev.baton.testing.PlayedMoves.dispute;
import static dev.baton.testing.PlayedMoves.handOff;
import static dev.baton.testing.PlayedMoves.qualify;
import static dev.baton.testing.PlayedMoves.rate;
import static dev.baton.testing.PlayedMoves.recycle;
import static dev.baton.testing.PlayedMoves.reject;
import static dev.baton.testing.PlayedMoves.resolve;

import dev.baton.testing.Api.As;
import dev.baton.testing.CycleRows;
import dev.baton.testing.CycleRows.Plan;
import dev.baton.testing.TestClock;
import dev.baton.testing.Timeline;
import io.agroal.api.AgroalDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The funnel's path, its periods and the thirteen-cycle data set the funnel tests share. */
final class FunnelMetricsPlays {

  static final String FUNNEL = "/api/v1/funnel";

  private FunnelMetricsPlays() {}

  /** A day between 1990 and 2019 for this test alone; the next three days are its too. */
  static LocalDate ownDays() {
    return CycleRows.ownDays();
  }

  static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static Map<String, String> period(LocalDate from, LocalDate to) {
    return Map.of("from", from.toString(), "to", to.toString());
  }

  static Map<String, String> period(LocalDate from, LocalDate to, String groupBy) {
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
  record DataSet(LocalDate day, List<Plan> plans) {}

  static DataSet thirteenCycles(AgroalDataSource db, TestClock clock) throws Exception {
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
}
