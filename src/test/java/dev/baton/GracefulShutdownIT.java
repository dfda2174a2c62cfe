package dev.baton;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.Replica;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM, as Kubernetes sends it, to a replica with a request and webhook sends in flight: the
 * request completes and commits, the sends finish and are recorded, and the deliveries the replica
 * had not started are handed back rather than left leased.
 */
class GracefulShutdownIT {

  private static final String ADMIN_KEY = "shutdown-it-admin-key-0123456789abcdef";

  /** Every send takes 4 s to answer, and many are answered at once. */
  @RegisterExtension
  final Receiver receiver =
      new Receiver().threads(64).answer((message, attempt) -> Reply.status(204).after(4000));

  @Test
  void aRequestInFlightAtSigtermCompletesAndWebhookWorkIsHandedBack() throws Exception {
    ExecutorService client = Executors.newSingleThreadExecutor();
    try (EmbeddedPostgres postgres = Replica.postgres();
        Replica replica =
            Replica.start(
                    "shutdown-replica",
                    postgres.getJdbcUrl("postgres", "postgres"),
                    ADMIN_KEY,
                    Map.of(
                        "BATON_WEBHOOK_ALLOW_HTTP", "true",
                        "BATON_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true",
                        "BATON_WEBHOOK_ANY_PORT", "true",
                        "BATON_WEBHOOK_TIMEOUT", "8S",
                        "BATON_SHUTDOWN_DELAY", "1s",
                        "BATON_SHUTDOWN_TIMEOUT", "30s"))
                .awaitReady()) {
      String marketing = replica.createKey(ADMIN_KEY, "shutdown-marketing", "MARKETING");
      String sales = replica.createKey(ADMIN_KEY, "shutdown-sales", "SALES");
      replica
          .call(marketing)
          .body(Map.of("url", receiver.url(), "eventTypes", List.of("lead.created")))
          .post("/api/v1/webhooks")
          .then()
          .statusCode(201);
      // Five batches of sends (WebhookDispatcher.BATCH, 32), each send taking 4 s: the replica
      // cannot finish them before it stops, even on a machine slowed down by other work.
      String lead = handOff(replica, marketing);
      for (int i = 0; i < 159; i++) {
        handOff(replica, marketing);
      }

      try (Connection db = postgres.getPostgresDatabase().getConnection()) {
        // Hold the lead's row, so that sales's accept is in flight (waiting) at SIGTERM.
        db.setAutoCommit(false);
        try (PreparedStatement lock =
            db.prepareStatement("SELECT id FROM lead WHERE id = ?::uuid FOR UPDATE")) {
          lock.setString(1, lead);
          lock.executeQuery().close();
        }
        Future<Response> accept =
            client.submit(
                () ->
                    replica
                        .call(sales)
                        .body(Map.of("owner", "jane@acme.com"))
                        .post("/api/v1/leads/" + lead + "/accept"));
        awaitLockWaiter(postgres);
        receiver.await(message -> true, 1, 60); // a webhook send in flight

        replica.terminate();

        // Readiness is down at once; after the delay, new requests are refused.
        await(() -> status(replica, "/q/health/ready") != 200, "readiness down after SIGTERM");
        Thread.sleep(2000);
        assertNotEquals(200, status(replica, "/api/v1/leads/" + lead), "a new request refused");
        db.rollback();

        Response answer = accept.get(60, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("ACCEPTED", answer.path("status"));
      }
      replica.awaitExit(Duration.ofSeconds(90));

      try (Connection db = postgres.getPostgresDatabase().getConnection()) {
        assertEquals(
            "ACCEPTED", one(db, "SELECT status FROM lead WHERE id = '" + lead + "'"), "committed");
        assertEquals(
            "0",
            one(db, "SELECT count(*) FROM webhook_delivery WHERE claimed_until IS NOT NULL"),
            "no delivery left leased by the stopped replica");
        String succeeded =
            one(db, "SELECT count(*) FROM webhook_delivery WHERE status = 'SUCCEEDED'");
        assertEquals(
            String.valueOf(receiver.answered().size()),
            succeeded,
            "every send in flight at SIGTERM finished and was recorded");
        assertTrue(Integer.parseInt(succeeded) > 0, "some sends were in flight");
        assertTrue(
            Integer.parseInt(
                    one(db, "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'"))
                > 0,
            "some deliveries were left for another replica");
      }
    } finally {
      client.shutdownNow();
    }
  }

  private static String handOff(Replica replica, String key) {
    return replica
        .call(key)
        .body(
            Map.of(
                "contact", Map.of("email", "s-" + UUID.randomUUID() + "@example.com"),
                "attribution", Map.of("source", "shutdown"),
                "status", "QUALIFIED"))
        .post("/api/v1/leads")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static int status(Replica replica, String path) {
    try {
      return given()
          .baseUri("http://localhost")
          .port(path.startsWith("/q/") ? replica.managementPort : replica.port)
          .get(path)
          .statusCode();
    } catch (Exception refused) {
      return -1;
    }
  }

  private static void awaitLockWaiter(EmbeddedPostgres postgres) throws Exception {
    try (Connection db = postgres.getPostgresDatabase().getConnection()) {
      await(
          () -> {
            try {
              return !"0"
                  .equals(
                      one(
                          db,
                          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          },
          "the accept waiting for the lead's lock");
    }
  }

  private static String one(Connection db, String sql) throws Exception {
    try (ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void await(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
