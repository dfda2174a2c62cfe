package dev.baton.lead;

import static dev.baton.lead.DisputeScenes.PROBLEM;
import static dev.baton.lead.DisputeScenes.case_;
import static dev.baton.lead.DisputeScenes.count;
import static dev.baton.lead.DisputeScenes.dispute;
import static dev.baton.lead.DisputeScenes.lead;
import static dev.baton.lead.DisputeScenes.rejectedBySales;
import static dev.baton.lead.DisputeScenes.resolve;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Disputes and resolutions sent at once, retried, with If-Match, or for an unknown lead. */
@QuarkusTest
class DisputeRequestsTest {

  @Test
  void disputesAndResolutionsSentAtOnceHaveOneWinner() throws Exception {
    Api.key(As.MARKETING);
    Api.key(As.SALES);
    String id = rejectedBySales();
    List<Response> opened = race(10, i -> dispute(as(As.MARKETING), id, Map.of("note", "#" + i)));
    assertEquals(1, opened.stream().filter(r -> r.statusCode() == 200).count());
    for (Response answer : opened) {
      if (answer.statusCode() != 200) {
        answer.then().statusCode(409).body("type", equalTo(PROBLEM + "dispute-open"));
      }
    }
    assertEquals(1, count(Leads.historyTypes(id), "lead.disputed"));

    List<Response> resolved =
        race(
            10,
            i ->
                resolve(as(As.SALES), id, Map.of("outcome", i % 2 == 0 ? "UPHELD" : "OVERTURNED")));
    List<Response> winners = resolved.stream().filter(r -> r.statusCode() == 200).toList();
    assertEquals(1, winners.size());
    for (Response answer : resolved) {
      if (answer.statusCode() != 200) {
        answer.then().statusCode(409).body("type", equalTo(PROBLEM + "no-open-dispute"));
      }
    }
    assertEquals(1, count(Leads.historyTypes(id), "lead.dispute_resolved"));
    JsonPath lead = lead(id);
    assertEquals(
        winners.get(0).jsonPath().getString("dispute.state"), lead.getString("dispute.state"));
    assertEquals(winners.get(0).jsonPath().getString("status"), lead.getString("status"));
  }

  /** Sends {@code count} requests released together. */
  private static List<Response> race(int count, IntFunction<Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch ready = new CountDownLatch(count);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  gate.await();
                  return request.apply(n);
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS));
      gate.countDown();
      List<Response> answers = new ArrayList<>();
      for (Future<Response> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRetriedDisputeIsOpenedOnce() {
    String id = rejectedBySales();
    String key = UUID.randomUUID().toString();
    Response first =
        as(As.MARKETING)
            .header("Idempotency-Key", key)
            .body(case_())
            .post(LEADS + "/" + id + "/dispute");
    first.then().statusCode(200);
    as(As.MARKETING)
        .header("Idempotency-Key", key)
        .body(case_())
        .post(LEADS + "/" + id + "/dispute")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .header("ETag", first.header("ETag"))
        .body("dispute", equalTo(first.jsonPath().getMap("dispute")))
        .body("version", equalTo(first.jsonPath().getInt("version")));
    as(As.MARKETING)
        .header("Idempotency-Key", key)
        .body(Map.of("note", "a different case"))
        .post(LEADS + "/" + id + "/dispute")
        .then()
        .statusCode(422);
    assertEquals(1, count(Leads.historyTypes(id), "lead.disputed"));

    String resolveKey = UUID.randomUUID().toString();
    Response resolved =
        as(As.SALES)
            .header("Idempotency-Key", resolveKey)
            .body(Map.of("outcome", "OVERTURNED"))
            .post(LEADS + "/" + id + "/dispute/resolve");
    resolved.then().statusCode(200).body("status", equalTo("QUALIFIED"));
    as(As.SALES)
        .header("Idempotency-Key", resolveKey)
        .body(Map.of("outcome", "OVERTURNED"))
        .post(LEADS + "/" + id + "/dispute/resolve")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("status", equalTo("QUALIFIED"))
        .body("sla", equalTo(resolved.jsonPath().getMap("sla")));
    assertEquals(1, count(Leads.historyTypes(id), "lead.dispute_resolved"));
  }

  @Test
  void aStaleIfMatchIsRefusedAndACurrentOneAccepted() {
    String id = rejectedBySales();
    long version = Leads.version(id);
    dispute(as(As.MARKETING).header("If-Match", "\"" + (version - 1) + "\""), id, case_())
        .then()
        .statusCode(412)
        .body("type", equalTo(PROBLEM + "precondition-failed"))
        .body("status", equalTo(412));
    assertNull(lead(id).get("dispute"));
    dispute(as(As.MARKETING).header("If-Match", "\"" + version + "\""), id, case_())
        .then()
        .statusCode(200)
        .header("ETag", "\"" + (version + 1) + "\"");

    resolve(
            as(As.SALES).header("If-Match", "\"" + version + "\""),
            id,
            Map.of("outcome", "OVERTURNED"))
        .then()
        .statusCode(412)
        .body("type", equalTo(PROBLEM + "precondition-failed"));
    assertEquals("OPEN", lead(id).getString("dispute.state"));
    resolve(
            as(As.SALES).header("If-Match", "\"" + (version + 1) + "\""),
            id,
            Map.of("outcome", "OVERTURNED"))
        .then()
        .statusCode(200)
        .body("status", equalTo("QUALIFIED"));
  }

  @Test
  void disputingAnUnknownLeadIsNotFound() {
    String unknown = UUID.randomUUID().toString();
    dispute(as(As.MARKETING), unknown, case_())
        .then()
        .statusCode(404)
        .body("type", equalTo(PROBLEM + "not-found"));
    resolve(as(As.SALES), unknown, Map.of("outcome", "UPHELD"))
        .then()
        .statusCode(404)
        .body("type", equalTo(PROBLEM + "not-found"));
  }
}
