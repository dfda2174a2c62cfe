package dev.baton.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.LeadStatistics;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Handoffs that grow table lead have it analysed as they go, as imports do, so that plans made on
 * the statistics of a nearly empty table (a new installation's first burst) do not outlive it.
 */
@QuarkusTest
class HandoffPlannerStatsTest {

  @Inject PlannerStats stats;
  @Inject AgroalDataSource database;

  @Test
  void eachHandoffCountsTowardTheNextAnalysis() throws Exception {
    if (stats.untilAnalysis() < 3) {
      handOff(3); // past the analysis that is due, so that the one below is counted
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!stats.idle() && System.nanoTime() < deadline) {
      Thread.sleep(10); // an analysis under way changes what the next one waits for
    }
    long until = stats.untilAnalysis();
    Leads.handOff(Leads.body(Leads.uniqueSource(), null));
    assertEquals(until - 1, stats.untilAnalysis());
  }

  @Test
  void handingOffAsManyLeadsAsTheTableHeldAnalysesIt() throws Exception {
    long before = LeadStatistics.analyses(database);
    handOff(stats.untilAnalysis());
    // In the background: no handoff waits for it.
    long leads = LeadStatistics.leads(database);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while ((LeadStatistics.analyses(database) <= before || stats.untilAnalysis() < leads * 9 / 10)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(LeadStatistics.analyses(database) > before, "table lead was not analysed");
    long known = LeadStatistics.known(database);
    assertTrue(Math.abs(known - leads) <= leads / 10, known + " rows known of " + leads);
    // The next analysis waits for as many new leads as the statistics now know of.
    assertTrue(stats.untilAnalysis() >= leads * 9 / 10, stats.untilAnalysis() + " until the next");
  }

  /** Hands off {@code count} new leads, in batches. */
  private static void handOff(long count) {
    String source = Leads.uniqueSource();
    for (long done = 0; done < count; ) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (; batch.size() < 500 && done < count; done++) {
        batch.add(Leads.body(source, null));
      }
      Api.as(As.MARKETING)
          .body(Map.of("leads", batch))
          .post("/api/v1/leads/batch")
          .then()
          .statusCode(200);
    }
  }
}
