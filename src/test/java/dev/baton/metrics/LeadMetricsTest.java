package dev.baton.metrics;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.Action;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics counts committed handoffs, moves and rejections; refused ones are not counted. No
 * client can add a series: a lead's source is not a label.
 */
@QuarkusTest
class LeadMetricsTest {

  private static final String HANDOFFS = "baton_handoffs_total";

  @Test
  void everyActionOfTheFunnelHasItsMoveSeries() {
    for (Action action : Action.values()) {
      assertTrue(
          LeadMetrics.MOVES.contains(action.eventType()),
          action + " records " + action.eventType() + ", which LeadMetrics.MOVES must count");
    }
  }

  @Test
  void handoffsAreCountedOnceCommitted() {
    double before = Scrape.value(HANDOFFS);
    String source = Leads.uniqueSource();
    Leads.handOff(Leads.body(source, "GENERATED"));
    Leads.handOff(Leads.body(source, "QUALIFIED"));
    // A refused handoff (the same person again) is not counted.
    Map<String, Object> again = Leads.body(source, null);
    as(As.MARKETING).body(again).post(LEADS).then().statusCode(201);
    as(As.MARKETING).body(again).post(LEADS).then().statusCode(409);
    assertEquals(before + 3, Scrape.value(HANDOFFS));
  }

  @Test
  void movesAndRejectionsAreCountedAndRefusedMovesAreNot() {
    double rejections = Scrape.value("baton_rejections_total{reason=\"SPAM\"}");
    double converted = Scrape.value("baton_moves_total{event=\"lead.converted\"}");
    String lead = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), lead, "reject", Map.of("reason", "SPAM")).then().statusCode(200);
    // Refused: a rejected lead cannot be converted.
    Leads.move(as(As.SALES), lead, "convert", Map.of()).then().statusCode(409);
    assertEquals(rejections + 1, Scrape.value("baton_rejections_total{reason=\"SPAM\"}"));
    assertEquals(converted, Scrape.value("baton_moves_total{event=\"lead.converted\"}"));
  }

  /** 2,000 sources, each new: the series are the same before and after, none names a source. */
  @Test
  void thousandsOfSourcesAddNoSeries() {
    Set<String> before = batonSeries(Scrape.text());
    double handoffs = Scrape.value(HANDOFFS);
    String prefix = "many-" + Leads.uniqueSource() + "-";
    for (int batch = 0; batch < 4; batch++) {
      List<Map<String, Object>> leads = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        leads.add(Leads.body(prefix + batch + "-" + i, null));
      }
      as(As.MARKETING)
          .body(Map.of("leads", leads))
          .post(LEADS + "/batch")
          .then()
          .statusCode(200)
          .body("results.status", everyItem(equalTo(201)));
    }
    String scrape = Scrape.text();
    Set<String> added = new HashSet<>(batonSeries(scrape));
    added.removeAll(before);
    // Only an admin adds a series (a reason added by another test shortly before).
    assertTrue(
        added.stream().allMatch(series -> series.startsWith("baton_rejections_total{")),
        "new series: " + added);
    assertFalse(scrape.contains(prefix), "a source in /q/metrics");
    assertEquals(handoffs + 2000, Scrape.value(HANDOFFS));
  }

  /** Baton's series, by name and labels. */
  private static Set<String> batonSeries(String scrape) {
    return Scrape.series(scrape).keySet().stream()
        .filter(series -> series.startsWith("baton_"))
        .collect(Collectors.toSet());
  }
}
