package dev.baton.web;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.testing.Api.As;
import dev.baton.testing.CapturedLog;
import dev.baton.testing.OwnThread;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Logs never hold personal data, also when a request fails — in validation, on a duplicate found by
 * the database, or in an unexpected database error whose details quote the row — and every line
 * logged while a request is handled carries its id.
 */
@QuarkusTest
class LogPrivacyTest {

  @Inject AgroalDataSource database;

  /** A person nobody else uses, with values that could not appear in a log by chance. */
  private record Person(String email, String firstName, String lastName, String phone) {

    static Person unique() {
      String tag = Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36);
      return new Person(
          "zelda.quist." + tag + "@example.org",
          "Zelda" + tag,
          "Quistorp" + tag,
          "+44 20 7946 " + (1000 + new Random().nextInt(9000)) + " " + tag.length());
    }

    Map<String, Object> lead() {
      Map<String, Object> lead = new LinkedHashMap<>();
      lead.put(
          "contact",
          new HashMap<>(
              Map.of(
                  "email", email, "firstName", firstName, "lastName", lastName, "phone", phone)));
      lead.put("attribution", Map.of("source", "log-privacy", "campaign", "q4"));
      lead.put("segment", "mid-market");
      return lead;
    }

    List<String> values() {
      return List.of(email, firstName, lastName, phone, phone.replace(" ", ""));
    }
  }

  @Test
  void failedRequestsLogNoPersonalData() throws Exception {
    Person person = Person.unique();
    try (CapturedLog log = CapturedLog.open()) {
      refusedByValidation(person);
      String unexpectedId = failedInTheDatabase(person);
      duplicateFoundByTheDatabase(person);

      String text = log.text();
      assertTrue(
          log.lines().stream()
              .anyMatch(
                  line ->
                      line.text().contains("Unexpected error")
                          && unexpectedId.equals(line.requestId())),
          "the unexpected error is logged with its request id:\n" + text);
      for (String value : person.values()) {
        assertFalse(
            text.toLowerCase().contains(value.toLowerCase()), value + " was logged:\n" + text);
      }
    }
  }

  @Test
  void linesLoggedDuringARequestCarryItsId() throws Exception {
    Person person = Person.unique();
    try (CapturedLog log = CapturedLog.open()) {
      String id = failedInTheDatabase(person);
      List<CapturedLog.Line> ours =
          log.lines().stream().filter(line -> id.equals(line.requestId())).toList();
      // Hibernate's report of the failed statement and Baton's own, on the thread of the request.
      assertTrue(ours.size() >= 2, "lines with the id:\n" + log.text());
      assertTrue(ours.stream().allMatch(line -> line.text().contains(" " + id + " ")), log.text());
    }
  }

  private static void refusedByValidation(Person person) {
    Map<String, Object> invalid = person.lead();
    ((Map<String, Object>) invalid.get("contact")).put("email", person.firstName() + " at home");
    ((Map<String, Object>) invalid.get("contact")).put("nickname", person.lastName());
    as(As.MARKETING).body(invalid).post("/api/v1/leads").then().statusCode(400);
    as(As.MARKETING)
        .body("{\"contact\": {\"email\": \"" + person.email() + "\", \"phone\": " + "}")
        .post("/api/v1/leads")
        .then()
        .statusCode(400);
    as(As.ANALYST).get("/api/v1/leads?email=" + person.email() + "&limit=x").then().statusCode(400);
    as(As.ANALYST)
        .body(Map.of("email", person.email(), "limit", 0))
        .post("/api/v1/leads/search")
        .then()
        .statusCode(400);
  }

  /**
   * A constraint of this test's own refuses the person's row: PostgreSQL's error then details the
   * whole row (“Failing row contains …”), and Baton answers 500. Answers the request id.
   */
  private String failedInTheDatabase(Person person) throws SQLException {
    String constraint = "log_privacy_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = database.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "ALTER TABLE lead ADD CONSTRAINT "
              + constraint
              + " CHECK (email <> '"
              + person.email()
              + "') NOT VALID");
      try {
        String id = "log-privacy-" + UUID.randomUUID();
        as(As.MARKETING)
            .header("X-Request-Id", id)
            .body(person.lead())
            .post("/api/v1/leads")
            .then()
            .statusCode(500)
            .header("X-Request-Id", id)
            .body("type", equalTo("urn:baton:problem:internal-error"))
            .body("requestId", equalTo(id));
        return id;
      } finally {
        sql.execute("ALTER TABLE lead DROP CONSTRAINT " + constraint);
      }
    }
  }

  /**
   * The person's rejected lead is reopened by a transaction held open here, so that the handoff
   * passes Baton's early check and meets the unique index, whose error names the email (“Key
   * (email_normalized)=(…) already exists”); it must still end as a 409.
   */
  private void duplicateFoundByTheDatabase(Person person) throws Exception {
    String rejected =
        as(As.MARKETING)
            .body(person.lead())
            .post("/api/v1/leads")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(As.MARKETING)
        .body(Map.of("reason", "SPAM"))
        .post("/api/v1/leads/" + rejected + "/reject")
        .then()
        .statusCode(200);
    Map<String, Object> again = person.lead();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement reopen =
          connection.prepareStatement("UPDATE lead SET status = 'GENERATED' WHERE id = ?::uuid")) {
        reopen.setString(1, rejected);
        reopen.executeUpdate();
      }
      CompletableFuture<Response> handoff =
          OwnThread.supply(() -> as(As.MARKETING).body(again).post("/api/v1/leads").andReturn());
      awaitBlockedInsert(connection);
      connection.commit();
      Response answer = handoff.get(120, TimeUnit.SECONDS);
      assertEquals(409, answer.statusCode(), answer.asString());
      answer.then().body("existingLeadId", equalTo(rejected));
      try (PreparedStatement restore =
          connection.prepareStatement("UPDATE lead SET status = 'REJECTED' WHERE id = ?::uuid")) {
        restore.setString(1, rejected);
        restore.executeUpdate();
      }
      connection.commit();
    }
  }

  /** Waits until an insert into lead waits for a lock: the handoff met the reopened lead. */
  private void awaitBlockedInsert(Connection held) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try (Connection watcher = database.getConnection();
        PreparedStatement waiting =
            watcher.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query ILIKE 'insert into lead %'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getLong(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    held.rollback();
    fail("the handoff never waited for the reopened lead");
  }
}
