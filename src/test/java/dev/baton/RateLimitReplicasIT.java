package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Replica;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL share each key's quota: together they serve no more than the
 * quota, and no less than 90% of it.
 */
class RateLimitReplicasIT {

  private static final String ADMIN_KEY = "rate-limit-it-admin-key-0123456789abcdef";
  private static final int QUOTA = 200;
  private static final String POLICY = "\"default\";q=" + QUOTA + ";w=60";
  private static EmbeddedPostgres postgres;
  private static final List<Replica> replicas = new ArrayList<>();

  @BeforeAll
  static void startTwoReplicas() throws Exception {
    postgres = Replica.postgres();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    Map<String, String> quota =
        Map.of(
            "BATON_RATE_LIMIT_REQUESTS_PER_WINDOW",
            Integer.toString(QUOTA),
            "BATON_RATE_LIMIT_WINDOW",
            "60S");
    for (int replica = 0; replica < 2; replica++) {
      replicas.add(Replica.start("rate-limit-replica-" + replica, url, ADMIN_KEY, quota));
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
  void bothReplicasHammeredAtOnceServeExactlyTheQuota() throws Exception {
    String key = replicas.get(0).createKey(ADMIN_KEY, "hammer", "ANALYST");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < 3 * QUOTA; i++) {
      Replica replica = replicas.get(i % 2);
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return replica.call(key).queryParam("limit", 1).get("/api/v1/leads");
              }));
    }
    start.countDown();
    int served = 0;
    for (Future<Response> future : futures) {
      Response answer = future.get();
      assertEquals(POLICY, answer.header("RateLimit-Policy"));
      if (answer.statusCode() == 200) {
        served++;
      } else {
        assertEquals(429, answer.statusCode(), answer.asString());
        assertEquals("urn:baton:problem:rate-limited", answer.jsonPath().getString("type"));
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("\"default\";r=0;t=" + retryAfter, answer.header("RateLimit"));
      }
    }
    pool.shutdown();
    assertTrue(served <= QUOTA, served + " served, more than the quota");
    assertTrue(served >= QUOTA * 9 / 10, served + " served, less than 90% of the quota");
    // Both replicas were asked until the end, so neither was left holding any of the quota.
    assertEquals(QUOTA, served);
  }

  @Test
  void whatAnIdleReplicaHoldsGoesBackToTheOther() throws Exception {
    String key = replicas.get(0).createKey(ADMIN_KEY, "unbalanced", "ANALYST");
    int served = 0;
    for (int i = 0; i < 10; i++) {
      replicas.get(0).call(key).get("/api/v1/leads").then().statusCode(200);
      served++;
    }
    // The first replica took its share in chunks and keeps the rest of its last one; from now on
    // only the second is asked, so that rest can reach it only by being handed back (once the key
    // has been idle on the first replica for a tenth of the window).
    Integer servedAtFirstRefusal = null;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (served < QUOTA && Instant.now().isBefore(deadline)) {
      if (replicas.get(1).call(key).get("/api/v1/leads").statusCode() == 200) {
        served++;
      } else {
        servedAtFirstRefusal = servedAtFirstRefusal == null ? served : servedAtFirstRefusal;
        Thread.sleep(250);
      }
    }
    assertEquals(QUOTA, served);
    if (servedAtFirstRefusal != null) {
      assertTrue(servedAtFirstRefusal >= QUOTA * 9 / 10, servedAtFirstRefusal + " served");
    }
    replicas.get(1).call(key).get("/api/v1/leads").then().statusCode(429);
    replicas.get(0).call(key).get("/api/v1/leads").then().statusCode(429);
  }
}
