package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
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

@QuarkusTest
class DisputeTest {

  private static final String PROBLEM = "urn:baton:problem:";

  /** A lead sales had (handed off QUALIFIED) and rejected as NOT_ICP. */
  private static String rejectedBySales() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_ICP", "note", "Too small"))
        .then()
        .statusCode(200);
    return id;
  }

  private static Response dispute(RequestSpecification caller, String id, Map<String, ?> body) {
    return caller.body(body).post(LEADS + "/" + id + "/dispute");
  }

  private static Response resolve(RequestSpecification caller, String id, Map<String, ?> body) {
    return caller.body(body).post(LEADS + "/" + id + "/dispute/resolve");
  }

  private static Map<String, Object> case_() {
    return Map.of("note", "800 employees, fintech: squarely our ICP");
  }

  private static JsonPath lead(String id) {
    return Leads.get(id).then().statusCode(200).extract().jsonPath();
  }

  private static long count(List<String> types, String type) {
    return types.stream().filter(type::equals).count();
  }

  @Test
  void marketingDisputesASalesRejectionAndTheLeadShowsIt() {
    String id = rejectedBySales();
    long version = Leads.version(id);
    Instant before = Instant.now().minusSeconds(1);

    JsonPath answer =
        dispute(as(As.MARKETING), id, case_())
            .then()
            .statusCode(200)
            .header("ETag", "\"" + (version + 1) + "\"")
            .body("status", equalTo("REJECTED"))
            .body("version", equalTo((int) version + 1))
            .body("rejection.reason", equalTo("NOT_ICP"))
            .body("dispute.state", equalTo("OPEN"))
            .body("dispute.reason", equalTo("NOT_ICP"))
            .body("dispute.note", equalTo("800 employees, fintech: squarely our ICP"))
            .body("dispute.openedBy", equalTo("test-marketing"))
            .body("dispute.resolvedAt", nullValue())
            .body("dispute.resolvedBy", nullValue())
            .body("dispute.resolutionNote", nullValue())
            .extract()
            .jsonPath();
    assertTrue(Instant.parse(answer.getString("dispute.openedAt")).isAfter(before));

    // What was answered is what is stored.
    assertEquals(answer.getMap("dispute"), lead(id).getMap("dispute"));

    JsonPath history = Leads.history(id).then().statusCode(200).extract().jsonPath();
    List<String> types = history.getList("data.type");
    assertEquals("lead.disputed", types.get(types.size() - 1));
    assertEquals(1, count(types, "lead.disputed"));
    String last = "data[" + (types.size() - 1) + "]";
    assertEquals("MARKETING", history.getString(last + ".actor.role"));
    assertEquals("test-marketing", history.getString(last + ".actor.name"));
    assertEquals("NOT_ICP", history.getString(last + ".data.reason"));
    assertEquals(
        "800 employees, fintech: squarely our ICP", history.getString(last + ".data.note"));
    assertEquals(version + 1, history.getLong(last + ".leadVersion"));

    assertTrue(
        feed("lead.disputed").contains(id), "the change feed filtered by lead.disputed has it");
  }

  @Test
  void aRejectionAfterAcceptanceCanBeDisputedToo() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "UNRESPONSIVE")).then().statusCode(200);
    dispute(as(As.MARKETING), id, case_())
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("OPEN"))
        .body("dispute.reason", equalTo("UNRESPONSIVE"));
  }

  @Test
  void adminsMayDisputeButSalesAndAnalystsMayNot() {
    String id = rejectedBySales();
    for (As role : List.of(As.SALES, As.ANALYST)) {
      dispute(as(role), id, case_())
          .then()
          .statusCode(403)
          .body("type", equalTo(PROBLEM + "forbidden"))
          .body("status", equalTo(403));
    }
    assertNull(lead(id).get("dispute"), "a refused dispute leaves no trace");
    dispute(as(As.ADMIN), id, case_())
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("OPEN"))
        .body("dispute.openedBy", equalTo("bootstrap-admin"));
  }

  @Test
  void onlyARejectedLeadCanBeDisputed() {
    for (String status : List.of("GENERATED", "QUALIFIED", "ACCEPTED", "CONVERTED")) {
      String id = Leads.leadIn(status);
      long version = Leads.version(id);
      dispute(as(As.MARKETING), id, case_())
          .then()
          .statusCode(409)
          .body("type", equalTo(PROBLEM + "not-rejected"))
          .body("status", equalTo(409));
      assertEquals(version, Leads.version(id), status + " is left as it was");
    }
  }

  @Test
  void aLeadRejectedBeforeSalesHadItCannotBeDisputed() {
    String id = Leads.leadIn("REJECTED"); // rejected from GENERATED
    dispute(as(As.MARKETING), id, case_())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "not-rejected-by-sales"))
        .body("status", equalTo(409));
  }

  @Test
  void aQualificationInAnEarlierCycleDoesNotMakeALaterRejectionDisputable() {
    String id = rejectedBySales();
    Leads.move(as(As.MARKETING), id, "recycle", Map.of()).then().statusCode(200);
    Leads.move(as(As.MARKETING), id, "reject", Map.of("reason", "SPAM"))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"));
    dispute(as(As.MARKETING), id, case_())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "not-rejected-by-sales"));
  }

  @Test
  void aDisputeNeedsANote() {
    String id = rejectedBySales();
    for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("note", "  "))) {
      dispute(as(As.MARKETING), id, body)
          .then()
          .statusCode(400)
          .body("type", equalTo(PROBLEM + "validation-error"))
          .body("status", equalTo(400))
          .body("errors.field", hasItem("note"));
    }
    dispute(as(As.MARKETING), id, Map.of("note", "x", "verdict", "mine"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("verdict"));
    assertNull(lead(id).get("dispute"));
  }

  @Test
  void aRejectionIsDisputedOnceAtATime() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    long version = Leads.version(id);
    dispute(as(As.ADMIN), id, Map.of("note", "and again"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "dispute-open"))
        .body("status", equalTo(409));
    assertEquals(version, Leads.version(id));
    assertEquals(1, count(Leads.historyTypes(id), "lead.disputed"));
    assertEquals("800 employees, fintech: squarely our ICP", lead(id).getString("dispute.note"));
  }

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
  void resolvingWithoutAnOpenDisputeIsAConflict() {
    String id = rejectedBySales();
    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "no-open-dispute"))
        .body("status", equalTo(409));

    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD")).then().statusCode(200);
    resolve(as(As.SALES), id, Map.of("outcome", "OVERTURNED"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "no-open-dispute"));
    assertEquals("REJECTED", lead(id).getString("status"));
  }

  @Test
  void onlySalesAndAdminsResolveADispute() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    for (As role : List.of(As.MARKETING, As.ANALYST)) {
      resolve(as(role), id, Map.of("outcome", "OVERTURNED"))
          .then()
          .statusCode(403)
          .body("type", equalTo(PROBLEM + "forbidden"));
    }
    assertEquals("OPEN", lead(id).getString("dispute.state"));
    resolve(as(As.ADMIN), id, Map.of("outcome", "UPHELD"))
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("UPHELD"))
        .body("dispute.resolvedBy", equalTo("bootstrap-admin"));
  }

  @Test
  void aResolutionNeedsAKnownOutcome() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    resolve(as(As.SALES), id, Map.of("note", "no"))
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEM + "validation-error"))
        .body("errors.field", hasItem("outcome"));
    resolve(as(As.SALES), id, Map.of("outcome", "MAYBE"))
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEM + "validation-error"))
        .body("errors.field", hasItem("outcome"));
    assertEquals("OPEN", lead(id).getString("dispute.state"));
  }

  @Test
  void anUpheldDisputeKeepsTheRejection() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    JsonPath before = lead(id);
    Instant asked = Instant.parse(before.getString("dispute.openedAt"));

    JsonPath answer =
        resolve(as(As.SALES), id, Map.of("outcome", "UPHELD", "note", "Under 50 seats, sorry"))
            .then()
            .statusCode(200)
            .header("ETag", "\"" + (before.getLong("version") + 1) + "\"")
            .body("status", equalTo("REJECTED"))
            .body("rejection.reason", equalTo("NOT_ICP"))
            .body("rejection.note", equalTo("Too small"))
            .body("dispute.state", equalTo("UPHELD"))
            .body("dispute.note", equalTo("800 employees, fintech: squarely our ICP"))
            .body("dispute.openedBy", equalTo("test-marketing"))
            .body("dispute.resolvedBy", equalTo("test-sales"))
            .body("dispute.resolutionNote", equalTo("Under 50 seats, sorry"))
            .extract()
            .jsonPath();
    assertTrue(!Instant.parse(answer.getString("dispute.resolvedAt")).isBefore(asked));
    assertEquals(
        before.getString("statusTimes.rejectedAt"), answer.getString("statusTimes.rejectedAt"));
    assertEquals(before.getMap("sla"), answer.getMap("sla"), "the stopped clock is left alone");
    assertEquals(answer.getMap("dispute"), lead(id).getMap("dispute"));

    JsonPath history = Leads.history(id).jsonPath();
    int last = history.getList("data").size() - 1;
    assertEquals("lead.dispute_resolved", history.getString("data[" + last + "].type"));
    assertEquals("UPHELD", history.getString("data[" + last + "].data.outcome"));
    assertEquals("Under 50 seats, sorry", history.getString("data[" + last + "].data.note"));
    assertEquals("REJECTED", history.getString("data[" + last + "].fromStatus"));
    assertEquals("REJECTED", history.getString("data[" + last + "].toStatus"));
    assertEquals("SALES", history.getString("data[" + last + "].actor.role"));
    assertTrue(feed("lead.dispute_resolved").contains(id));
  }

  @Test
  void anOverturnedRejectionIsQualifiedAgainWithAFreshClock() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    JsonPath before = lead(id);
    assertEquals("MET", before.getString("sla.state"));
    Instant firstStart = Instant.parse(before.getString("sla.startedAt"));

    JsonPath after =
        resolve(as(As.SALES), id, Map.of("outcome", "OVERTURNED", "note", "Fair enough"))
            .then()
            .statusCode(200)
            .header("ETag", "\"" + (before.getLong("version") + 1) + "\"")
            .body("status", equalTo("QUALIFIED"))
            .body("rejection", nullValue())
            .body("owner", nullValue())
            .body("statusTimes.acceptedAt", nullValue())
            .body("statusTimes.qualifiedAt", notNullValue())
            .body("dispute.state", equalTo("OVERTURNED"))
            .body("dispute.resolvedBy", equalTo("test-sales"))
            .body("dispute.resolutionNote", equalTo("Fair enough"))
            .body("sla.state", equalTo("PENDING"))
            .body("sla.decidedAt", nullValue())
            .extract()
            .jsonPath();
    Instant started = Instant.parse(after.getString("sla.startedAt"));
    assertTrue(started.isAfter(firstStart), "the clock restarts");
    assertEquals(Instant.parse(after.getString("dispute.resolvedAt")), started);
    assertEquals(Instant.parse(after.getString("statusTimes.qualifiedAt")), started);
    assertEquals(
        started.plus(Duration.ofHours(24)), Instant.parse(after.getString("sla.deadline")));
    assertEquals(after.getMap("$"), lead(id).getMap("$"), "what was answered is what is stored");

    JsonPath history = Leads.history(id).jsonPath();
    int last = history.getList("data").size() - 1;
    assertEquals("lead.dispute_resolved", history.getString("data[" + last + "].type"));
    assertEquals("OVERTURNED", history.getString("data[" + last + "].data.outcome"));
    assertEquals("REJECTED", history.getString("data[" + last + "].fromStatus"));
    assertEquals("QUALIFIED", history.getString("data[" + last + "].toStatus"));

    // Sales answers the lead again, in time this time.
    Leads.move(as(As.SALES), id, "accept", Map.of("owner", "joe@acme.com"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("owner", equalTo("joe@acme.com"))
        .body("sla.state", equalTo("MET"))
        .body("sla.startedAt", equalTo(after.getString("sla.startedAt")))
        .body("sla.decidedAt", notNullValue());
  }

  @Test
  void overturningWhileThePersonHasAnotherOpenLeadIsADuplicate() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    @SuppressWarnings("unchecked")
    String email = ((Map<String, String>) body.get("contact")).get("email");
    String id = Leads.handOff(body);
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    // Meanwhile the person comes back through another form.
    String comeback =
        Leads.handOff(
            Map.of("contact", Map.of("email", email), "attribution", Map.of("source", "webinar")));
    long version = Leads.version(id);

    resolve(as(As.SALES), id, Map.of("outcome", "OVERTURNED"))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "duplicate-lead"))
        .body("status", equalTo(409))
        .body("existingLeadId", equalTo(comeback));
    JsonPath lead = lead(id);
    assertEquals("REJECTED", lead.getString("status"));
    assertEquals("OPEN", lead.getString("dispute.state"));
    assertEquals(version, lead.getLong("version"));

    // Upholding is still possible.
    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD"))
        .then()
        .statusCode(200)
        .body("dispute.state", equalTo("UPHELD"));
  }

  @Test
  void aLeadWithAnOpenDisputeIsNotRecycled() {
    String id = rejectedBySales();
    dispute(as(As.MARKETING), id, case_()).then().statusCode(200);
    Leads.move(as(As.MARKETING), id, "recycle", Map.of())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEM + "dispute-open"))
        .body("status", equalTo(409));
    assertEquals("REJECTED", lead(id).getString("status"));

    resolve(as(As.SALES), id, Map.of("outcome", "UPHELD")).then().statusCode(200);
    Leads.move(as(As.MARKETING), id, "recycle", Map.of())
        .then()
        .statusCode(200)
        .body("status", equalTo("GENERATED"))
        .body("dispute", nullValue())
        .body("sla", nullValue());
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

  /** The lead ids of every event of this type in the change feed. */
  static List<String> feed(String type) {
    List<String> leads = new ArrayList<>();
    String cursor = null;
    while (true) {
      RequestSpecification request =
          Api.as(As.ANALYST).queryParam("types", type).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("after", cursor);
      }
      JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
      List<String> types = page.getList("data.type", String.class);
      assertTrue(types.stream().allMatch(type::equals), "only " + type + ": " + types);
      List<String> ids = page.getList("data.leadId", String.class);
      leads.addAll(ids);
      String next = page.getString("nextCursor");
      assertNotNull(next);
      if (ids.isEmpty() || next.equals(cursor)) {
        return leads;
      }
      cursor = next;
    }
  }
}
