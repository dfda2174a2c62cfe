package dev.baton.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
    long before = analyses();
    // Analysed once the run wrote a thousand leads and as many as the statistics knew of.
    long rows = Math.max(1200, known() + 200);
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
    while (analyses() <= before && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(analyses() > before, "table lead was not analysed during the import");
  }

  /** How many leads the statistics of table lead know of. */
  private long known() throws Exception {
    return single(
        "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'lead'::regclass");
  }

  /** How many times tables lead and lead_external_ref were analysed, autovacuum aside. */
  private long analyses() throws Exception {
    return single(
        "SELECT coalesce(sum(analyze_count), 0) FROM pg_stat_user_tables"
            + " WHERE relname IN ('lead', 'lead_external_ref')");
  }

  private long single(String query) throws Exception {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }
}
