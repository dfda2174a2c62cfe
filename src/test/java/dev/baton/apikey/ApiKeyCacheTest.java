package dev.baton.apikey;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.db.ChangeListener;
import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keys are served from memory, yet a key revoked anywhere (another replica, or by hand in the
 * database) stops working as soon as PostgreSQL notifies this replica, also when the notification
 * could not be delivered because the listening connection was down.
 */
@QuarkusTest
class ApiKeyCacheTest {

  @Inject AgroalDataSource database;

  /** Until the replica listens (at start, or again after a test cut its connection). */
  @BeforeEach
  void awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection connection = database.getConnection();
        PreparedStatement listening =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                    + " AND query LIKE 'LISTEN%'")) {
      listening.setString(1, ChangeListener.APPLICATION_NAME);
      while (true) {
        try (ResultSet found = listening.executeQuery()) {
          found.next();
          if (found.getInt(1) > 0) {
            Thread.sleep(50); // from its LISTEN to serving from memory
            return;
          }
        }
        assertTrue(System.nanoTime() < deadline, "the replica does not listen to key changes");
        Thread.sleep(50);
      }
    }
  }

  @Test
  void aKeyAlreadySeenIsServedFromMemory() throws Exception {
    String key = createKey();
    get(key).then().statusCode(200);
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      // Behind the replica's back: with triggers off, PostgreSQL notifies nobody.
      statement.execute("SET session_replication_role = replica");
      try {
        setHash(connection, ApiKeyService.hash(key), "moved-" + UUID.randomUUID());
        get(key).then().statusCode(200);
        String unseen = createKey();
        setHash(connection, ApiKeyService.hash(unseen), "moved-" + UUID.randomUUID());
        get(unseen).then().statusCode(401); // read from the database: not found
      } finally {
        statement.execute("RESET session_replication_role");
      }
    }
  }

  private static void setHash(Connection connection, String from, String to) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE api_key SET key_hash = ? WHERE key_hash = ?")) {
      update.setString(1, to);
      update.setString(2, from);
      assertEquals(1, update.executeUpdate());
    }
  }

  @Test
  void aKeyRevokedInTheDatabaseIsRefusedAsSoonAsTheReplicaHearsOfIt() throws Exception {
    String key = createKey();
    get(key).then().statusCode(200);
    get(key).then().statusCode(200);
    revokeByHand(key);
    assertRefusedWithinTwoSeconds(key);
  }

  @Test
  void aRevocationMadeWhileTheReplicaWasNotListeningIsNotMissed() throws Exception {
    String key = createKey();
    get(key).then().statusCode(200);
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet terminated =
            statement.executeQuery(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = '"
                    + ChangeListener.APPLICATION_NAME
                    + "'")) {
      terminated.next();
      assertTrue(terminated.getInt(1) >= 1, "no listening connection to cut");
    }
    revokeByHand(key);
    assertRefusedWithinTwoSeconds(key);
    String other = createKey();
    get(other).then().statusCode(200);
  }

  private static Response get(String key) {
    return given().auth().oauth2(key).get("/api/v1/leads?limit=1");
  }

  private static String createKey() {
    return Api.as(As.ADMIN)
        .body(Map.of("name", "cached-" + UUID.randomUUID(), "role", "ANALYST"))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  private void revokeByHand(String key) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE api_key SET revoked_at = now() WHERE key_hash = ?")) {
      update.setString(1, ApiKeyService.hash(key));
      assertEquals(1, update.executeUpdate());
    }
  }

  private static void assertRefusedWithinTwoSeconds(String key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    int status;
    do {
      status = get(key).statusCode();
      if (status == 401) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    assertTrue(false, "a revoked key was still served 2 s after its revocation: " + status);
  }
}
