package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A replica hands off two batches at once (BATON_BATCH_CONCURRENCY); a third waits its turn, and is
 * refused with 503 busy, nothing changed, when the turn does not come within BATON_BATCH_WAIT.
 */
@QuarkusTest
class BatchTurnsTest {

  @Inject AgroalDataSource database;

  @Test
  void aBatchBeyondTheConcurrentOnesWaitsThenIsShedWithNothingChanged() throws Exception {
    String held = "held-" + UUID.randomUUID() + "@example.com";
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      // The person of the first two batches, locked as a handoff of that person would lock it:
      // both batches take their turn, then wait here.
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
        lock.setString(1, LeadRepository.personKey(held));
        lock.execute();
      }
      List<CompletableFuture<Response>> running =
          List.of(
              CompletableFuture.supplyAsync(() -> batch(lead(held)), clients),
              CompletableFuture.supplyAsync(() -> batch(lead(held)), clients));
      awaitWaitingOnTheLock(connection, 2);

      String shedEmail = "shed-" + UUID.randomUUID() + "@example.com";
      long started = System.nanoTime();
      Response shed = batch(lead(shedEmail));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(503, shed.statusCode(), shed.asString());
      shed.then()
          .contentType("application/problem+json")
          .header("Retry-After", "5")
          .body("type", equalTo("urn:baton:problem:busy"));
      assertTrue(waited >= 900, "refused after " + waited + " ms, without waiting its turn");
      Leads.search(as(As.ANALYST), Map.of("email", shedEmail))
          .then()
          .statusCode(200)
          .body("data.size()", equalTo(0));

      connection.rollback(); // the turns go on
      for (CompletableFuture<Response> batch : running) {
        Response done = batch.get(30, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode(), done.asString());
      }
      batch(lead(shedEmail)).then().statusCode(200).body("results[0].status", equalTo(201));
    } finally {
      clients.shutdownNow();
    }
  }

  private static Map<String, Object> lead(String email) {
    return Map.of("contact", Map.of("email", email), "attribution", Map.of("source", "webinar"));
  }

  private static Response batch(Map<String, Object> lead) {
    return Api.as(As.MARKETING).body(Map.of("leads", List.of(lead))).post("/api/v1/leads/batch");
  }

  private static void awaitWaitingOnTheLock(Connection connection, int waiting) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
      while (true) {
        try (ResultSet found = count.executeQuery()) {
          found.next();
          if (found.getInt(1) >= waiting) {
            return;
          }
        }
        assertTrue(System.nanoTime() < deadline, "the batches never reached the person's lock");
        Thread.sleep(20);
      }
    }
  }
}
