package dev.baton;

import static dev.baton.testing.Replicas.race;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Replicas;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Baton replicas — two JVMs running the packaged application in the production profile — on one
 * PostgreSQL: retries, races and the feed behave as with one.
 */
class ReplicasIT {

  private static final String ADMIN_KEY = "replicas-it-admin-key-0123456789abcdef";

  /** Both replicas look for overdue leads every second, so that they race. */
  @RegisterExtension
  static final Replicas replicas =
      new Replicas(2, "replica-", ADMIN_KEY, "-Dbaton.sla.check-every=1s");

  private static String marketing;
  private static String sales;

  @BeforeAll
  static void createKeys() {
    marketing = replicas.get(0).createKey(ADMIN_KEY, "replicas-marketing", "MARKETING");
    sales = replicas.get(1).createKey(ADMIN_KEY, "replicas-sales", "SALES");
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
    List<String> fromFirst = replicas.drainFeed(0, sales);
    List<String> fromSecond = replicas.drainFeed(1, sales);
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
    // Time passes: every deadline is a minute ago, for both replicas' jobs at once.
    assertEquals(
        leads.size(),
        replicas.update(
            "UPDATE lead SET sla_deadline = now() - interval '1 minute'"
                + " WHERE id = ANY(?) AND sla_state = 'PENDING'",
            leads));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    int pending = leads.size();
    while (pending > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      pending =
          replicas.count(
              "SELECT count(*) FROM lead WHERE id = ANY(?) AND sla_state = 'PENDING'", leads);
    }
    assertEquals(0, pending, "leads still PENDING");
    // Two more runs of each job, over what the other already breached.
    Thread.sleep(2000);
    Map<String, Integer> events =
        replicas.countByLead(
            "SELECT lead_id::text, count(*) FROM lead_event"
                + " WHERE type = 'lead.sla_breached' AND lead_id = ANY(?) GROUP BY lead_id",
            leads);
    Map<String, Integer> once = new HashMap<>();
    leads.forEach(id -> once.put(id, 1));
    assertEquals(once, events);
    assertEquals(
        leads.size(),
        replicas.count(
            "SELECT count(*) FROM lead WHERE id = ANY(?) AND sla_state = 'BREACHED'"
                + " AND version = 2 AND status = 'QUALIFIED'",
            leads),
        "every lead breached once, and still waiting for sales");
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
