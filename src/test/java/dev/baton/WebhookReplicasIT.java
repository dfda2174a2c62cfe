package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.baton.testing.Replica;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas dispatch one outbox to a receiver of ours; one is killed mid-stream. Every delivery
 * still arrives, none is ever in flight twice at once, and each lead's events arrive in order.
 */
class WebhookReplicasIT {

  private static final String ADMIN_KEY = "webhook-it-admin-key-0123456789abcdef";
  private static EmbeddedPostgres postgres;
  private static final List<Replica> replicas = new ArrayList<>();
  private static HttpServer receiver;

  /** Each arrival, in order: webhook-id, lead, version. */
  record Arrival(String id, String lead, long version) {}

  private static final List<Arrival> arrivals = new ArrayList<>();
  private static final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger overlaps = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newFixedThreadPool(16));
    receiver.createContext(
        "/hook",
        exchange -> {
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          if (!inFlight.add(id)) {
            overlaps.incrementAndGet();
          }
          try {
            JsonPath body =
                new JsonPath(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Thread.sleep(20);
            synchronized (arrivals) {
              arrivals.add(
                  new Arrival(id, body.getString("data.leadId"), body.getLong("data.leadVersion")));
            }
            exchange.sendResponseHeaders(204, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.remove(id);
            exchange.close();
          }
        });
    receiver.start();
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
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aReplicaKilledMidStreamLosesNothingAndNothingIsSentTwiceAtOnce() throws Exception {
    String marketing = createKey("MARKETING");
    call(0, marketing)
        .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
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
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline) && !received().containsAll(expected)) {
      Thread.sleep(250);
    }
    assertTrue(received().containsAll(expected), "every delivery arrives");
    assertEquals(0, overlaps.get(), "no webhook-id is ever sent twice at the same time");

    Map<String, Long> lastVersion = new HashMap<>();
    Set<String> seen = new HashSet<>();
    synchronized (arrivals) {
      for (Arrival arrival : arrivals) {
        if (seen.add(arrival.id())) {
          long previous = lastVersion.getOrDefault(arrival.lead(), 0L);
          assertTrue(
              arrival.version() > previous,
              "lead "
                  + arrival.lead()
                  + " got version "
                  + arrival.version()
                  + " after "
                  + previous);
          lastVersion.put(arrival.lead(), arrival.version());
        }
      }
    }
    assertEquals(60, lastVersion.size());
  }

  private static Set<String> received() {
    synchronized (arrivals) {
      Set<String> ids = new HashSet<>();
      arrivals.forEach(a -> ids.add(a.id()));
      return ids;
    }
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
