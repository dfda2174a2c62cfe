package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Replicas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing through two replicas at once: a thousand qualified leads handed off to both in parallel
 * are shared by weight to within one lead, nobody exceeds their capacity, and nobody away gets one.
 */
class RoutingReplicasIT {

  private static final String ADMIN_KEY = "routing-it-admin-key-0123456789abcdefgh";

  @RegisterExtension static final Replicas replicas = new Replicas(2, "routing-", ADMIN_KEY);

  private static String manager;
  private static String marketing;

  @BeforeAll
  static void createKeys() {
    manager = replicas.get(0).createKey(ADMIN_KEY, "routing-manager", "SALES_MANAGER");
    marketing = replicas.get(1).createKey(ADMIN_KEY, "routing-marketing", "MARKETING");
  }

  @Test
  void aThousandLeadsThroughTwoReplicasAreSharedExactly() throws Exception {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (int weight = 1; weight <= 4; weight++) {
      weights.put(member("w" + weight, Map.of()), weight);
    }
    String away = member("away", Map.of("awayUntil", "2099-01-01T00:00:00Z"));
    String capped = member("capped", Map.of("maxOpen", 50));
    String open = member("open", Map.of());
    Map<String, Integer> fairSeats = new LinkedHashMap<>(weights);
    fairSeats.put(away, 5);
    queue("fair", fairSeats);
    queue("caps", Map.of(capped, 10, open, 1));
    replicas
        .get(0)
        .call(manager)
        .body(
            Map.of(
                "rules",
                List.of(
                    Map.of(
                        "name", "capped",
                        "when", Map.of("sources", List.of("capped")),
                        "queue", "caps",
                        "method", "WEIGHTED_ROUND_ROBIN")),
                "fallbackQueue",
                "fair"))
        .put("/api/v1/routing")
        .then()
        .statusCode(200);

    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 1100; i++) {
        int n = i;
        String source = n % 11 == 10 ? "capped" : "fair";
        answers.add(
            pool.submit(
                () ->
                    replicas
                        .get(n % 2)
                        .call(marketing)
                        .body(
                            Map.of(
                                "contact",
                                Map.of("email", "r-" + UUID.randomUUID() + "@example.com"),
                                "attribution",
                                Map.of("source", source),
                                "status",
                                "QUALIFIED"))
                        .post("/api/v1/leads")
                        .statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(201, answer.get());
      }
    } finally {
      pool.shutdown();
    }

    weights.forEach(
        (member, weight) -> {
          long got = waiting(member);
          assertTrue(
              Math.abs(got - 100L * weight) <= 1,
              member + " of weight " + weight + " got " + got + " of 1000");
        });
    assertEquals(0, waiting(away), "away until 2099");
    assertEquals(50, waiting(capped), "maxOpen 50");
    assertEquals(50, waiting(open));
  }

  private static String member(String id, Map<String, Object> fields) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("name", id, "timeZone", "UTC"));
    body.putAll(fields);
    replicas.get(0).call(manager).body(body).put("/api/v1/members/" + id).then().statusCode(201);
    return id;
  }

  private static void queue(String id, Map<String, Integer> weights) {
    List<Map<String, Object>> seats = new ArrayList<>();
    weights.forEach((member, weight) -> seats.add(Map.of("memberId", member, "weight", weight)));
    replicas
        .get(1)
        .call(manager)
        .body(Map.of("name", id, "members", seats))
        .put("/api/v1/queues/" + id)
        .then()
        .statusCode(201);
  }

  private static long waiting(String member) {
    return replicas
        .get(1)
        .call(manager)
        .get("/api/v1/members/" + member)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("waiting");
  }
}
