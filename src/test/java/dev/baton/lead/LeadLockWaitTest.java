package dev.baton.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A move's read of its lead ({@link LeadRowReader}) waits for the lock, then reads fresh. */
@QuarkusTest
class LeadLockWaitTest {

  @Inject AgroalDataSource db;
  @Inject LeadRepository leads;

  /**
   * The lead and its external ids are read once the lock is held: a move waiting for another writer
   * sees what that writer committed, the row and the ids alike.
   */
  @Test
  void aMoveWaitingForTheLockReadsWhatItsHolderCommitted() throws Exception {
    UUID id = UUID.fromString(Leads.leadIn("GENERATED"));
    try (Connection holder = db.getConnection()) {
      holder.setAutoCommit(false);
      execute(holder, "SELECT 1 FROM lead WHERE id = ? FOR UPDATE", id);
      execute(holder, "UPDATE lead SET score = 42 WHERE id = ?", id);
      execute(
          holder,
          "INSERT INTO lead_external_ref (lead_id, system, external_id) VALUES (?, 'crm', ?)",
          id,
          id.toString());
      CompletableFuture<Lead> waiting =
          CompletableFuture.supplyAsync(
              () ->
                  QuarkusTransaction.requiringNew()
                      .call(() -> leads.lockToWrite(id).orElseThrow()));
      Thread.sleep(500);
      assertFalse(waiting.isDone(), "the lock was not waited for");
      holder.commit();
      Lead read = waiting.get(30, TimeUnit.SECONDS);
      assertEquals(42, read.getScore());
      assertEquals(List.of(new ExternalRef("crm", id.toString())), read.getExternalRefs());
    }
  }

  private static void execute(Connection connection, String statement, Object... values)
      throws SQLException {
    try (PreparedStatement prepared = connection.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        prepared.setObject(i + 1, values[i]);
      }
      prepared.execute();
    }
  }
}
