package dev.baton.metrics;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A replica that has just started shows every Baton series, with its HELP: the counters at 0 for
 * each known label value, so that an alert sees 0 rather than no data, and the gauges (NaN until
 * their first read).
 */
@QuarkusTest
@TestProfile(FreshReplicaMetricsTest.Idle.class)
class FreshReplicaMetricsTest {

  /** A replica of its own, where nothing runs by itself: nothing is counted before the scrape. */
  public static class Idle implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.scheduler.enabled", "false");
    }
  }

  private static final List<String> MOVES =
      List.of(
          "lead.qualified",
          "lead.accepted",
          "lead.rejected",
          "lead.converted",
          "lead.recycled",
          "lead.disputed",
          "lead.dispute_resolved");
  private static final List<String> OUTCOMES = List.of("succeeded", "retrying", "failed", "gone");
  private static final List<String> GAUGES =
      List.of(
          "baton_feed_lag_seconds",
          "baton_webhook_pending_deliveries",
          "baton_webhook_oldest_pending_seconds");

  @Test
  void everyBatonSeriesIsThereFromTheStartWithHelp() {
    String scrape = Scrape.text();
    Map<String, Double> values = Scrape.series(scrape);
    List<String> reasons =
        as(As.ANALYST).get("/api/v1/rejection-reasons").jsonPath().getList("data.code");
    assertTrue(reasons.contains("SPAM"));

    List<String> counters = new ArrayList<>();
    counters.add("baton_handoffs_total");
    MOVES.forEach(type -> counters.add("baton_moves_total{event=\"" + type + "\"}"));
    reasons.forEach(code -> counters.add("baton_rejections_total{reason=\"" + code + "\"}"));
    counters.add("baton_sla_breaches_total");
    counters.add("baton_erasures_total");
    OUTCOMES.forEach(
        outcome -> counters.add("baton_webhook_deliveries_total{outcome=\"" + outcome + "\"}"));
    for (String series : counters) {
      assertEquals(0.0, values.get(series), series);
    }
    for (String gauge : GAUGES) {
      assertTrue(values.containsKey(gauge), gauge);
    }

    List<String> names = new ArrayList<>(GAUGES);
    counters.forEach(series -> names.add(series.replaceAll("\\{.*", "")));
    for (String name : names) {
      assertTrue(
          Pattern.compile("^# HELP " + name + " \\S", Pattern.MULTILINE).matcher(scrape).find(),
          "HELP of " + name);
    }
  }
}
