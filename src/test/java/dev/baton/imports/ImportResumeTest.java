package dev.baton.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A replica died in the middle of a job: its claim runs out, and another replica resumes the job at
 * the checkpoint of the last batch the dead one committed, writing nothing twice.
 */
@QuarkusTest
class ImportResumeTest {

  @Inject AgroalDataSource database;

  @Test
  void aJobWhoseReplicaDiedIsResumedFromItsCheckpoint() throws Exception {
    StringBuilder file = new StringBuilder();
    String source = Leads.uniqueSource();
    for (int i = 0; i < 120; i++) {
      file.append("{\"contact\":{\"email\":\"")
          .append(Leads.uniqueEmail())
          .append("\"},\"attribution\":{\"source\":\"")
          .append(source)
          .append("\"},\"externalRefs\":[{\"system\":\"resume\",\"id\":\"")
          .append(source)
          .append('-')
          .append(i)
          .append("\"}],\"handedOffAt\":\"2025-05-05T09:00:00Z\"}\n");
    }
    byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
    // The dead replica's work: the first 50 rows, committed (as their own job, here).
    int cut = file.toString().lines().limit(50).mapToInt(l -> l.length() + 1).sum();
    JsonPath first = Imports.run(new String(bytes, 0, cut, StandardCharsets.UTF_8), null);
    assertEquals(50, first.getLong("rowsCreated"));
    // The whole file's job, as the dead replica left it: running, its claim run out, its
    // checkpoint after row 50 (a batch of 50 rows in tests), in chunks of 1000 bytes.
    UUID job = UUID.randomUUID();
    try (Connection c = database.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO import_job (id, owner_key_id, owner_name, format, duplicates, state,"
                  + " bytes, chunks, next_chunk, next_offset, rows_read, rows_created,"
                  + " claimed_by, claimed_until, created_at, started_at)"
                  + " VALUES (?, ?, 'admin', 'NDJSON', 'REFUSE', 'RUNNING', ?, ?, ?, ?, 50, 50,"
                  + " 'a-dead-replica', now() - interval '1 second', now(), now())")) {
        s.setObject(1, job);
        s.setObject(2, UUID.randomUUID());
        s.setLong(3, bytes.length);
        s.setInt(4, (bytes.length + 999) / 1000);
        s.setInt(5, cut / 1000);
        s.setInt(6, cut % 1000);
        s.executeUpdate();
      }
      for (int seq = 0; seq * 1000 < bytes.length; seq++) {
        try (PreparedStatement s =
            c.prepareStatement("INSERT INTO import_chunk (job_id, seq, data) VALUES (?, ?, ?)")) {
          s.setObject(1, job);
          s.setInt(2, seq);
          s.setBytes(
              3,
              java.util.Arrays.copyOfRange(
                  bytes, seq * 1000, Math.min(bytes.length, (seq + 1) * 1000)));
          s.executeUpdate();
        }
      }
    }
    JsonPath resumed = Imports.finished(job.toString());
    assertEquals("SUCCEEDED", resumed.getString("state"), resumed.prettify());
    assertEquals(120, resumed.getLong("rowsRead"));
    assertEquals(120, resumed.getLong("rowsCreated"), resumed.prettify());
    assertEquals(0, resumed.getLong("rowsRefused"), resumed.prettify());
    List<JsonPath> results = Imports.results(job.toString());
    assertEquals(70, results.size());
    assertEquals(51, results.get(0).getLong("row"));
    long leads =
        Api.as(Api.As.ANALYST)
            .get("/api/v1/funnel?from=2025-05-01&to=2025-06-01&source=" + source)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("totals.handedOff");
    assertEquals(120, leads);
  }
}
