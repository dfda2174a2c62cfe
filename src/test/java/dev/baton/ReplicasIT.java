package dev.baton;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Replica;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Baton replicas — two JVMs running the packaged application in the production profile — on one
 * PostgreSQL: retries, races and the feed behave as with one.
 */
class ReplicasIT {

  private static final String ADMIN_KEY = "replicas-it-admin-key-0123456789abcdef";
  private static EmbeddedPostgres postgres;
  private static final List<Replica> replicas = new ArrayList<>();
  private static String marketing;
  private static String sales;

  @BeforeAll
  static void startTwoReplicas() throws Exception {
    postgres = Replica.postgres();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    for (int replica = 0; replica < 2; replica++) {
      // Both replicas look for overdue leads every second, so that they race.
      replicas.add(
          Replica.start(
              "replica-" + replica, url, ADMIN_KEY, Map.of(), "-Dbaton.sla.check-every=1s"));
    }
    for (Replica replica : replicas) {
      replica.awaitReady();
    }
    marketing = replicas.get(0).createKey(ADMIN_KEY, "replicas-marketing", "MARKETING");
    sales = replicas.get(1).createKey(ADMIN_KEY, "replicas-sales", "SALES");
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
  void theSameIdempotentHandoffSentToBothAtOnceCreatesOneLead() throws Exception {
    String source = "replicas-" + UUID.randomUUID();
    Map<String, Object> lead = lead(source);
    String key = UUID.randomUUID().toString();
    List<Response> answers =
        race(
            i ->
                call(i % 2, marketing)
                    .header("Idempotency-Key", key)
                    .body(lead)
                    .post("/api/v1/leads"));
    Set<String> ids = new HashSet<>();
    for (Response answer : answers) {
      assertTrue(Set.of(201, 409).contains(answer.statusCode()), answer.asString());
      if (answer.statusCode() == 201) {
        ids.add(answer.jsonPath().getString("id"));
      }
    }
    assertEquals(1, ids.size());
    for (int replica = 0; replica < 2; replica++) {
      assertEquals(
          1,
          call(replica, marketing)
              .queryParam("source", source)
              .get("/api/v1/leads")
              .jsonPath()
              .getList("data")
              .size());
    }
  }

  @Test
  void onePersonHandedOffToBothAtOnceGetsOneLead() throws Exception {
    String email = "same-" + UUID.randomUUID() + "@example.com";
    List<Response> answers =
        race(
            i ->
                call(i % 2, marketing)
                    .body(
                        Map.of(
                            "contact",
                            Map.of("email", email),
                            "attribution",
                            Map.of("source", "replicas")))
                    .post("/api/v1/leads"));
    assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count());
    assertTrue(answers.stream().allMatch(a -> a.statusCode() == 201 || a.statusCode() == 409));
  }

  @Test
  void conflictingMovesSplitAcrossBothEndWithOneWinner() throws Exception {
    String id =
        call(0, marketing)
            .body(lead("replicas-" + UUID.randomUUID()))
            .post("/api/v1/leads")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<Response> answers =
        race(
            i ->
                call(i % 2, sales)
                    .body(Map.of("owner", "owner-" + i))
                    .post("/api/v1/leads/" + id + "/accept"));
    assertEquals(1, answers.stream().filter(a -> a.statusCode() == 200).count());
    assertTrue(answers.stream().allMatch(a -> a.statusCode() == 200 || a.statusCode() == 409));
    List<String> history =
        call(1, sales).get("/api/v1/leads/" + id + "/history").jsonPath().getList("data.type");
    assertEquals(List.of("lead.created", "lead.accepted"), history);
  }

  @Test
  void theFeedReadFromEitherReplicaIsComplete() throws Exception {
    race(
        i -> {
          String id =
              call(i % 2, marketing)
                  .body(lead("replicas-" + UUID.randomUUID()))
                  .post("/api/v1/leads")
                  .then()
                  .statusCode(201)
                  .extract()
                  .path("id");
          return call((i + 1) % 2, sales)
              .body(Map.of("owner", "o"))
              .post("/api/v1/leads/" + id + "/accept");
        });
    List<String> fromFirst = drainFeed(0);
    List<String> fromSecond = drainFeed(1);
    assertEquals(fromFirst, fromSecond);
    assertEquals(fromFirst.size(), new HashSet<>(fromFirst).size());
    assertTrue(fromFirst.size() >= 40);
  }

  @Test
  void aKeyRevokedOnOneReplicaStopsWorkingOnTheOther() {
    Response created =
        call(0, ADMIN_KEY)
            .body(Map.of("name", "short-lived", "role", "ANALYST"))
            .post("/api/v1/api-keys");
    String key = created.jsonPath().getString("key");
    call(1, key).get("/api/v1/leads").then().statusCode(200);
    call(0, ADMIN_KEY)
        .delete("/api/v1/api-keys/" + created.jsonPath().getString("id"))
        .then()
        .statusCode(200);
    // The other replica hears of it from PostgreSQL at the commit: milliseconds later.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
    while (call(1, key).get("/api/v1/leads").statusCode() != 401) {
      assertTrue(System.nanoTime() < deadline, "the revoked key still works on the other replica");
    }
  }

  @Test
  void bothReplicasRunningTheBreachJobRecordEachBreachOnce() throws Exception {
    // Enough overdue leads that one replica's run (batches of 200) takes long enough for the
    // other's to run at the same time.
    List<String> leads = new ArrayList<>();
    for (int replica = 0; replica < 2; replica++) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        batch.add(lead("replicas-breach-" + UUID.randomUUID()));
      }
      List<Integer> statuses = new ArrayList<>();
      JsonPath created =
          call(replica, marketing)
              .body(Map.of("leads", batch))
              .post("/api/v1/leads/batch")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      statuses.addAll(created.getList("results.status", Integer.class));
      assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
      leads.addAll(created.getList("results.leadId", String.class));
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      Array ids = connection.createArrayOf("uuid", leads.stream().map(UUID::fromString).toArray());
      // Time passes: every deadline is a minute ago, for both replicas' jobs at once.
      try (PreparedStatement overdue =
          connection.prepareStatement(
              "UPDATE lead SET sla_deadline = now() - interval '1 minute'"
                  + " WHERE id = ANY(?) AND sla_state = 'PENDING'")) {
        overdue.setArray(1, ids);
        assertEquals(leads.size(), overdue.executeUpdate());
      }
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      int pending = leads.size();
      while (pending > 0 && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
        pending =
            count(
                connection,
                "SELECT count(*) FROM lead WHERE id = ANY(?) AND sla_state = 'PENDING'",
                ids);
      }
      assertEquals(0, pending, "leads still PENDING");
      // Two more runs of each job, over what the other already breached.
      Thread.sleep(2000);
      Map<String, Integer> events = new HashMap<>();
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT lead_id::text, count(*) FROM lead_event"
                  + " WHERE type = 'lead.sla_breached' AND lead_id = ANY(?) GROUP BY lead_id")) {
        query.setArray(1, ids);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            events.put(rows.getString(1), rows.getInt(2));
          }
        }
      }
      Map<String, Integer> once = new HashMap<>();
      leads.forEach(id -> once.put(id, 1));
      assertEquals(once, events);
      assertEquals(
          leads.size(),
          count(
              connection,
              "SELECT count(*) FROM lead WHERE id = ANY(?) AND sla_state = 'BREACHED'"
                  + " AND version = 2 AND status = 'QUALIFIED'",
              ids),
          "every lead breached once, and still waiting for sales");
    }
    for (int i = 0; i < leads.size(); i += 20) {
      String id = leads.get(i);
      call(i % 2, sales)
          .get("/api/v1/leads/" + id)
          .then()
          .statusCode(200)
          .body("sla.state", equalTo("BREACHED"));
      List<String> history =
          call((i + 1) % 2, sales)
              .get("/api/v1/leads/" + id + "/history")
              .jsonPath()
              .getList("data.type");
      assertEquals(List.of("lead.created", "lead.sla_breached"), history, id);
    }
  }

  private static int count(Connection connection, String sql, Array ids) throws Exception {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setArray(1, ids);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static List<String> drainFeed(int replica) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    while (true) {
      RequestSpecification request = call(replica, sales).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("after", cursor);
      }
      JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
      List<String> data = page.getList("data.id", String.class);
      ids.addAll(data);
      String next = page.getString("nextCursor");
      if (data.isEmpty() && next.equals(cursor)) {
        return ids;
      }
      cursor = next;
    }
  }

  private static List<Response> race(IntFunction<Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return request.apply(n);
              }));
    }
    start.countDown();
    List<Response> answers = new ArrayList<>();
    for (Future<Response> future : futures) {
      answers.add(future.get());
    }
    pool.shutdown();
    return answers;
  }

  private static Map<String, Object> lead(String source) {
    return Map.of(
        "contact", Map.of("email", "r-" + UUID.randomUUID() + "@example.com"),
        "attribution", Map.of("source", source),
        "status", "QUALIFIED");
  }

  private static RequestSpecification call(int replica, String key) {
    return replicas.get(replica).call(key);
  }
}
