package dev.baton.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A replica died while a file was coming in: the lease its chunks renewed runs out, and any replica
 * fails the job and drops what was stored, instead of leaving it uploading for good.
 */
@QuarkusTest
class ImportStalledUploadTest {

  @Inject AgroalDataSource database;

  @Test
  void anUploadWhoseReplicaDiedFails() throws Exception {
    UUID job = UUID.randomUUID();
    try (Connection c = database.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO import_job (id, owner_key_id, owner_name, format, duplicates, state,"
                  + " claimed_until, created_at)"
                  + " VALUES (?, ?, 'admin', 'NDJSON', 'REFUSE', 'UPLOADING',"
                  + " now() - interval '1 second', now())")) {
        s.setObject(1, job);
        s.setObject(2, UUID.randomUUID());
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO import_chunk (job_id, seq, data) VALUES (?, 0, ?)")) {
        s.setObject(1, job);
        s.setBytes(2, "{\"contact\":{}}\n".getBytes());
        s.executeUpdate();
      }
    }
    JsonPath failed = Imports.finished(job.toString());
    assertEquals("FAILED", failed.getString("state"), failed.prettify());
    assertTrue(failed.getString("error").contains("upload the file again"), failed.prettify());
    assertEquals(0, chunks(job));
  }

  @Test
  void anUploadStillComingInIsLeftAlone() throws Exception {
    UUID job = UUID.randomUUID();
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO import_job (id, owner_key_id, owner_name, format, duplicates, state,"
                    + " claimed_until, created_at)"
                    + " VALUES (?, ?, 'admin', 'NDJSON', 'REFUSE', 'UPLOADING',"
                    + " now() + interval '1 minute', now())")) {
      s.setObject(1, job);
      s.setObject(2, UUID.randomUUID());
      s.executeUpdate();
    }
    Thread.sleep(2500); // the runners look every second
    assertEquals("UPLOADING", Imports.job(job.toString()).getString("state"));
  }

  private long chunks(UUID job) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM import_chunk WHERE job_id = ?")) {
      s.setObject(1, job);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
