package dev.baton.reports;

import static dev.baton.reports.FunnelMetricsFigures.assertGroups;
import static dev.baton.reports.FunnelMetricsPlays.FUNNEL;
import static dev.baton.reports.FunnelMetricsPlays.period;
import static dev.baton.reports.FunnelMetricsPlays.start;
import static dev.baton.reports.FunnelMetricsPlays.thirteenCycles;
import static dev.baton.testing.ExactReads.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.reports.FunnelMetricsFigures.Figures;
import dev.baton.reports.FunnelMetricsPlays.DataSet;
import dev.baton.testing.Api.As;
import dev.baton.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/funnel on the thirteen cycles: the totals, and the groups by source. */
@QuarkusTest
class FunnelMetricsTest {

  @Inject AgroalDataSource db;
  @Inject TestClock clock;

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
    DataSet data = thirteenCycles(db, clock);
    JsonNode report = read(As.ANALYST, FUNNEL, period(data.day(), data.day().plusDays(1)));

    assertEquals(start(data.day()), Instant.parse(report.get("from").asText()));
    assertEquals(start(data.day().plusDays(1)), Instant.parse(report.get("to").asText()));
    assertFalse(report.has("groupBy"), "no groupBy without grouping");
    assertEquals(0, report.get("groups").size(), "no groups without groupBy");
    TOTALS.assertMatches(report.get("totals"), "totals");
  }

  @Test
  void groupsBySourceAreExactAndSortedByHandoffsAndAddUpToTheTotals() throws Exception {
    DataSet data = thirteenCycles(db, clock);
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
}
