package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadBatchTest {

  private static final String BATCH = LEADS + "/batch";

  @Test
  void oneBadLeadNeverSinksTheOthers() {
    String source = Leads.uniqueSource();
    String system = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> taken = Leads.body(Leads.uniqueSource(), null);
    taken.put("externalRefs", List.of(Map.of("system", system, "id", "7")));
    Leads.handOff(taken);

    Map<String, Object> first = Leads.body(source, "QUALIFIED");
    Map<String, Object> invalid = Leads.body(source, null);
    invalid.put("contact", Map.of("email", "not-an-email"));
    Map<String, Object> sameAsFirst = Leads.body(source, null);
    sameAsFirst.put("contact", first.get("contact"));
    Map<String, Object> externalTaken = Leads.body(source, null);
    externalTaken.put("externalRefs", List.of(Map.of("system", system, "id", "7")));
    Map<String, Object> last = Leads.body(source, null);

    Response answer =
        as(As.MARKETING)
            .body(Map.of("leads", List.of(first, invalid, sameAsFirst, externalTaken, last)))
            .post(BATCH);
    answer
        .then()
        .statusCode(200)
        .body("results.index", equalTo(List.of(0, 1, 2, 3, 4)))
        .body("results.status", equalTo(List.of(201, 400, 409, 409, 201)))
        .body("results[1].problem.errors.field", hasItem("contact.email"))
        .body("results[2].problem.type", equalTo("urn:baton:problem:duplicate-lead"))
        .body(
            "results[2].problem.existingLeadId",
            equalTo(answer.jsonPath().getString("results[0].leadId")))
        .body("results[3].problem.type", equalTo("urn:baton:problem:external-ref-exists"))
        .body("results[1].leadId", nullValue());
    String created = answer.jsonPath().getString("results[4].leadId");
    as(As.ANALYST)
        .get(answer.jsonPath().getString("results[4].location"))
        .then()
        .statusCode(200)
        .body("id", equalTo(created));
    assertEquals(
        2,
        as(As.ANALYST).queryParam("source", source).get(LEADS).jsonPath().getList("data").size());
  }

  @Test
  void anEmptyOrOversizedBatchIsRefused() {
    as(As.MARKETING)
        .body(Map.of("leads", List.of()))
        .post(BATCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("leads"));
    List<Map<String, Object>> tooMany =
        new ArrayList<>(Collections.nCopies(501, Leads.body("x", null)));
    as(As.MARKETING)
        .body(Map.of("leads", tooMany))
        .post(BATCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("leads"));
  }

  /** A batch's body is read in its turn, by the resource: the same problems as any other body. */
  @Test
  void aBatchBodyThatCannotBeReadIsRefusedNamingWhy() throws Exception {
    as(As.MARKETING)
        .contentType("application/json")
        .post(BATCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("body"));
    as(As.MARKETING)
        .body(Map.of("leads", List.of(Leads.body("x", null)), "priority", "high"))
        .post(BATCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("priority"));
    as(As.MARKETING)
        .body(Map.of("leads", "everyone"))
        .post(BATCH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("leads"));
    // Over the body limit (1M): refused, and none of its leads created.
    String source = Leads.uniqueSource();
    String note = "x".repeat(1900);
    List<Map<String, Object>> large = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Map<String, Object> lead = new HashMap<>(Leads.body(source, null));
      lead.put("qualificationNote", note);
      large.add(lead);
    }
    byte[] bytes = new ObjectMapper().writeValueAsBytes(Map.of("leads", large));
    assertTrue(bytes.length > 1024 * 1024, "the body is over 1 MiB");
    as(As.MARKETING).contentType("application/json").body(bytes).post(BATCH).then().statusCode(413);
    assertEquals(
        0,
        as(As.ANALYST).queryParam("source", source).get(LEADS).jsonPath().getList("data").size());
  }

  @Test
  void aRetriedBatchReplaysItsAnswerAndCreatesNothingMore() {
    String source = Leads.uniqueSource();
    Map<String, Object> batch =
        Map.of("leads", List.of(Leads.body(source, null), Leads.body(source, null)));
    String key = UUID.randomUUID().toString();
    Response first = as(As.MARKETING).header("Idempotency-Key", key).body(batch).post(BATCH);
    first.then().statusCode(200).body("results.status", equalTo(List.of(201, 201)));
    Response retry = as(As.MARKETING).header("Idempotency-Key", key).body(batch).post(BATCH);
    retry.then().statusCode(200).header("Idempotent-Replayed", "true");
    assertEquals(first.asString(), retry.asString());
    assertEquals(
        2,
        as(As.ANALYST).queryParam("source", source).get(LEADS).jsonPath().getList("data").size());
  }

  @Test
  void aFullBatchOf500IsHandedOff() {
    String source = Leads.uniqueSource();
    List<Map<String, Object>> leads = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      leads.add(Leads.body(source, i % 2 == 0 ? "QUALIFIED" : null));
    }
    as(As.MARKETING)
        .body(Map.of("leads", leads))
        .post(BATCH)
        .then()
        .statusCode(200)
        .body("results.findAll { it.status == 201 }.size()", equalTo(500));
  }

  @Test
  void twoBatchesSharingPeopleInOppositeOrdersEachCreateEveryoneOnce() throws Exception {
    String source = Leads.uniqueSource();
    List<Map<String, Object>> forward = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      forward.add(Leads.body(source, null));
    }
    List<Map<String, Object>> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    var first = pool.submit(() -> as(As.MARKETING).body(Map.of("leads", forward)).post(BATCH));
    var second = pool.submit(() -> as(As.ADMIN).body(Map.of("leads", backward)).post(BATCH));
    Response a = first.get();
    Response b = second.get();
    pool.shutdown();
    a.then().statusCode(200);
    b.then().statusCode(200);
    List<Integer> statuses = new ArrayList<>(a.jsonPath().getList("results.status"));
    statuses.addAll(b.jsonPath().getList("results.status"));
    assertEquals(60, statuses.stream().filter(s -> s == 201).count());
    assertEquals(60, statuses.stream().filter(s -> s == 409).count());
    assertEquals(
        60,
        as(As.ANALYST)
            .queryParam("source", source)
            .queryParam("limit", 200)
            .get(LEADS)
            .jsonPath()
            .getList("data")
            .size());
  }

  @Test
  void aNullItemIsRefusedAlone() {
    List<Object> leads = new ArrayList<>();
    leads.add(Leads.body(Leads.uniqueSource(), null));
    leads.add(null);
    as(As.MARKETING)
        .body(Map.of("leads", leads))
        .post(BATCH)
        .then()
        .statusCode(200)
        .body("results.status", equalTo(List.of(201, 400)));
  }

  @Test
  void onlyMarketingAndAdminsHandOffBatches() {
    as(As.SALES)
        .body(Map.of("leads", List.of(Leads.body(Leads.uniqueSource(), null))))
        .post(BATCH)
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:baton:problem:forbidden"));
  }
}
