package dev.baton.reports;

import static dev.baton.reports.FunnelMetricsFigures.assertGroups;
import static dev.baton.reports.FunnelMetricsFigures.assertKeysAndHandoffs;
import static dev.baton.reports.FunnelMetricsPlays.FUNNEL;
import static dev.baton.reports.FunnelMetricsPlays.period;
import static dev.baton.reports.FunnelMetricsPlays.thirteenCycles;
import static dev.baton.testing.ExactReads.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.reports.FunnelMetricsFigures.Figures;
import dev.baton.reports.FunnelMetricsPlays.DataSet;
import dev.baton.testing.Api.As;
import dev.baton.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/funnel on the thirteen cycles grouped by owner, campaign, segment and content. */
@QuarkusTest
class FunnelGroupsTest {

  @Inject AgroalDataSource db;
  @Inject TestClock clock;

  @Test
  void theOwnerGroupIsTheOwnerWhoAcceptedTheCycleAndTheNullGroupHasNoKey() throws Exception {
    DataSet data = thirteenCycles(db, clock);
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
    DataSet data = thirteenCycles(db, clock);
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
}
