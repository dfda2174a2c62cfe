package dev.baton.idempotency;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key: a retry replays the first answer and creates nothing, even twenty at once;
 * the key reused for another body or endpoint is refused, a refused request leaves no trace, keys
 * belong to the API key that sent them, and an unusable key is a bad request.
 */
@QuarkusTest
class IdempotencyTest {

  private static final String LEADS = "/api/v1/leads";

  @Test
  void aRetryReplaysTheFirstAnswerAndCreatesNothing() {
    String source = Leads.uniqueSource();
    Map<String, Object> lead = Leads.body(source, "QUALIFIED");
    String key = UUID.randomUUID().toString();
    Response first = handOff(As.MARKETING, key, lead);
    first.then().statusCode(201);
    Response retry = handOff(As.MARKETING, key, lead);
    retry.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertEquals(first.asString(), retry.asString());
    assertEquals(first.header("Location"), retry.header("Location"));
    assertEquals(first.header("ETag"), retry.header("ETag"));
    assertNull(first.header("Idempotent-Replayed"));
    assertEquals(1, leadsFrom(source));
  }

  @Test
  void theSameKeyForAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    handOff(As.MARKETING, key, Leads.body(Leads.uniqueSource(), null)).then().statusCode(201);
    handOff(As.MARKETING, key, Leads.body(Leads.uniqueSource(), null))
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:baton:problem:idempotency-key-reused"));
  }

  @Test
  void theSameKeyOnAnotherEndpointIsRefused() {
    String key = UUID.randomUUID().toString();
    String first = Leads.leadIn("GENERATED");
    String second = Leads.leadIn("GENERATED");
    as(As.MARKETING)
        .header("Idempotency-Key", key)
        .post(LEADS + "/" + first + "/qualify")
        .then()
        .statusCode(200);
    as(As.MARKETING)
        .header("Idempotency-Key", key)
        .post(LEADS + "/" + second + "/qualify")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:baton:problem:idempotency-key-reused"));
  }

  @Test
  void aRefusedRequestLeavesNoTraceAndCanBeRetried() {
    String key = UUID.randomUUID().toString();
    String source = Leads.uniqueSource();
    Map<String, Object> invalid = Leads.body(source, "WON");
    handOff(As.MARKETING, key, invalid).then().statusCode(400);
    Response created = handOff(As.MARKETING, key, Leads.body(source, null));
    created.then().statusCode(201);
    assertNull(created.header("Idempotent-Replayed"));

    String lead = Leads.leadIn("GENERATED");
    String moveKey = UUID.randomUUID().toString();
    Map<String, Object> accept = Map.of("owner", "jane@acme.example");
    as(As.SALES)
        .header("Idempotency-Key", moveKey)
        .body(accept)
        .post(LEADS + "/" + lead + "/accept")
        .then()
        .statusCode(409);
    as(As.MARKETING).post(LEADS + "/" + lead + "/qualify").then().statusCode(200);
    as(As.SALES)
        .header("Idempotency-Key", moveKey)
        .body(accept)
        .post(LEADS + "/" + lead + "/accept")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));
  }

  @Test
  void keysBelongToTheApiKeyThatSentThem() {
    String key = UUID.randomUUID().toString();
    handOff(As.MARKETING, key, Leads.body(Leads.uniqueSource(), null)).then().statusCode(201);
    Response other = handOff(As.ADMIN, key, Leads.body(Leads.uniqueSource(), null));
    other.then().statusCode(201);
    assertNull(other.header("Idempotent-Replayed"));
  }

  @Test
  void anUnusableKeyIsABadRequestNamingTheHeader() {
    for (String key : List.of("has space", "x".repeat(256), "é")) {
      handOff(As.MARKETING, key, Leads.body(Leads.uniqueSource(), null))
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("Idempotency-Key"));
    }
  }

  @Test
  void twentySimultaneousRetriesCreateOneLead() throws Exception {
    String source = Leads.uniqueSource();
    Map<String, Object> lead = Leads.body(source, "QUALIFIED");
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return handOff(As.MARKETING, key, lead);
              }));
    }
    start.countDown();
    Set<String> ids = new java.util.HashSet<>();
    int created = 0;
    for (Future<Response> answer : answers) {
      Response response = answer.get();
      assertTrue(Set.of(201, 409).contains(response.statusCode()), response.asString());
      if (response.statusCode() == 201) {
        created++;
        ids.add(response.jsonPath().getString("id"));
      } else {
        response
            .then()
            .body("type", equalTo("urn:baton:problem:idempotency-key-in-flight"))
            .header("Retry-After", "1");
      }
    }
    pool.shutdown();
    assertTrue(created >= 1);
    assertEquals(1, ids.size());
    assertEquals(1, leadsFrom(source));
    // After the dust settles, a retry is a replay.
    handOff(As.MARKETING, key, lead).then().statusCode(201).header("Idempotent-Replayed", "true");
  }

  private static Response handOff(As role, String key, Map<String, Object> lead) {
    return as(role).header("Idempotency-Key", key).body(lead).post(LEADS);
  }

  private static int leadsFrom(String source) {
    return as(As.ANALYST)
        .queryParam("source", source)
        .get(LEADS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data")
        .size();
  }
}
