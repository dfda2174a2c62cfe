package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.Replica;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas dispatch one outbox to a receiver of ours; one is killed mid-stream. Every delivery
 * still arrives, none is ever in flight twice at once, and each lead's events arrive in order.
 */
class WebhookReplicasIT {

  private static final String ADMIN_KEY = "webhook-it-admin-key-0123456789abcdef";
  private static EmbeddedPostgres postgres;
  private static final List<Replica> replicas = new ArrayList<>();

  /** Sixteen answers at a time, each taking a moment, so that sends really overlap in time. */
  @RegisterExtension
  static final Receiver receiver =
      new Receiver().threads(16).answer((message, attempt) -> Reply.status(204).after(20));

  @BeforeAll
  static void start() throws Exception {
    postgres = Replica.postgres();
    // The receiver is ours, on loopback, over http, on a random port.
    Map<String, String> env =
        Map.of(
            "BATON_WEBHOOK_ALLOW_HTTP", "true",
            "BATON_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true",
            "BATON_WEBHOOK_ANY_PORT", "true",
            "BATON_WEBHOOK_TIMEOUT", "2S");
    for (int replica = 0; replica < 2; replica++) {
      replicas.add(
          Replica.start(
              "webhook-replica-" + replica,
              postgres.getJdbcUrl("postgres", "postgres"),
              ADMIN_KEY,
              env));
    }
    for (Replica replica : replicas) {
      replica.awaitReady();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (Replica replica : replicas) {
      replica.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aReplicaKilledMidStreamLosesNothingAndNothingIsSentTwiceAtOnce() throws Exception {
    String marketing = createKey("MARKETING");
    call(0, marketing)
        .body(Map.of("url", receiver.url()))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201);
    // 60 leads handed off as QUALIFIED and rejected, through both replicas: 120 events.
    List<String> leads = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id =
          call(i % 2, marketing)
              .body(
                  Map.of(
                      "contact", Map.of("email", "w-" + UUID.randomUUID() + "@example.com"),
                      "attribution", Map.of("source", "webhook-it"),
                      "status", "QUALIFIED"))
              .post("/api/v1/leads")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      leads.add(id);
    }
    for (int i = 0; i < leads.size(); i++) {
      // Replica 0 is killed halfway: from then on, replica 1 takes the requests.
      call(i > 30 ? 1 : i % 2, ADMIN_KEY)
          .body(Map.of("reason", "NO_BUDGET"))
          .post("/api/v1/leads/" + leads.get(i) + "/reject")
          .then()
          .statusCode(200);
      if (i == 30) {
        replicas.get(0).kill();
      }
    }

    Set<String> expected = deliveryIds();
    assertEquals(120, expected.size());
    // Every delivery arrives.
    receiver.awaitIds(expected, 90);
    assertEquals(0, receiver.overlaps(), "no webhook-id is ever sent twice at the same time");

    // In order of arrival, each delivery's first send: a lead's versions only go up.
    Map<String, Long> lastVersion = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Message arrival : receiver.all()) {
      if (seen.add(arrival.id())) {
        long previous = lastVersion.getOrDefault(arrival.leadId(), 0L);
        assertTrue(
            arrival.leadVersion() > previous,
            "lead "
                + arrival.leadId()
                + " got version "
                + arrival.leadVersion()
                + " after "
                + previous);
        lastVersion.put(arrival.leadId(), arrival.leadVersion());
      }
    }
    assertEquals(60, lastVersion.size());
  }

  private static Set<String> deliveryIds() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT id FROM webhook_delivery")) {
      while (rows.next()) {
        ids.add("msg_" + rows.getString(1).replace("-", ""));
      }
    }
    return ids;
  }

  private static RequestSpecification call(int replica, String key) {
    return replicas.get(replica).call(key);
  }

  private static String createKey(String role) {
    return replicas.get(1).createKey(ADMIN_KEY, "webhook-it-" + role.toLowerCase(), role);
  }
}
