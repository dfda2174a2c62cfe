package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.OwnThread;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writers that wait: a move's read of its lead ({@link LeadRowReader}) waits for the lock, then
 * reads fresh; a handoff's queued insert waits for a writer holding the same external id.
 */
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
          OwnThread.supply(
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

  /**
   * A writer that takes no lock of Baton's (a script, a replica's import) holds an external id,
   * uncommitted, when a handoff with the same id checks for it: the check sees nothing, the queued
   * insert waits for the writer and, once it commits, the handoff is the 409 that names the lead
   * holding the id, and leaves nothing behind.
   */
  @Test
  void aHandoffWhoseExternalIdAWriterTookMeanwhileIsRefusedNamingIt() throws Exception {
    UUID holderLead = UUID.fromString(Leads.leadIn("GENERATED"));
    String ref = UUID.randomUUID().toString();
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), null);
    body.put("externalRefs", List.of(Map.of("system", "crm", "id", ref)));
    String email = (String) ((Map<?, ?>) body.get("contact")).get("email");
    try (Connection holder = db.getConnection()) {
      holder.setAutoCommit(false);
      execute(
          holder,
          "INSERT INTO lead_external_ref (lead_id, system, external_id) VALUES (?, 'crm', ?)",
          holderLead,
          ref);
      CompletableFuture<Response> handoff =
          OwnThread.supply(() -> as(As.MARKETING).body(body).post(Leads.LEADS));
      waitForALockWait();
      assertFalse(handoff.isDone(), "the handoff did not wait for the writer");
      holder.commit();
      handoff
          .get(30, TimeUnit.SECONDS)
          .then()
          .statusCode(409)
          .body("type", equalTo("urn:baton:problem:external-ref-exists"))
          .body("existingLeadId", equalTo(holderLead.toString()));
    }
    try (Connection connection = db.getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM lead WHERE email_normalized = ?")) {
      count.setString(1, email.toLowerCase(Locale.ROOT));
      try (ResultSet row = count.executeQuery()) {
        row.next();
        assertEquals(0, row.getInt(1), "the refused handoff left no lead");
      }
    }
  }

  private void waitForALockWait() throws SQLException, InterruptedException {
    try (Connection connection = db.getConnection();
        PreparedStatement waiting =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database()")) {
      for (int i = 0; i < 300; i++) {
        try (ResultSet row = waiting.executeQuery()) {
          row.next();
          if (row.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no writer waited for the lock within 6 s");
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
