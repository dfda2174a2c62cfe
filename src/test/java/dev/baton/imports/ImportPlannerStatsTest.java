package dev.baton.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.LeadStatistics;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * An import that grows table lead has it analysed as it goes, so that the plans of the foreign-key
 * checks and the duplicate reads see its size instead of the empty table a new installation had.
 */
@QuarkusTest
class ImportPlannerStatsTest {

  @Inject AgroalDataSource database;

  @Test
  void aGrowingImportAnalysesTheLeadTables() throws Exception {
    long before = LeadStatistics.analyses(database);
    // Analysed once the run wrote a thousand leads and as many as the statistics knew of.
    long rows = Math.max(1200, LeadStatistics.known(database) + 200);
    StringBuilder file = new StringBuilder();
    String source = Leads.uniqueSource();
    for (long i = 0; i < rows; i++) {
      file.append("{\"contact\":{\"email\":\"")
          .append(Leads.uniqueEmail())
          .append("\"},\"attribution\":{\"source\":\"")
          .append(source)
          .append("\"},\"handedOffAt\":\"2025-05-05T09:00:00Z\"}\n");
    }
    JsonPath job = Imports.run(file.toString(), null);
    assertEquals(rows, job.getLong("rowsCreated"), job.prettify());
    // In the background: a batch does not wait for it.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (LeadStatistics.analyses(database) <= before && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(
        LeadStatistics.analyses(database) > before,
        "table lead was not analysed during the import");
  }
}
