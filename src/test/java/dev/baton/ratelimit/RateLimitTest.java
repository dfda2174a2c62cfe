package dev.baton.ratelimit;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Ops;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Per-key quotas: headers on every answer, a 429 after the quota, a fresh quota each window. */
@QuarkusTest
@TestProfile(RateLimitTest.ShortWindow.class)
class RateLimitTest {

  static final int DEFAULT_QUOTA = 1000;
  static final int WINDOW = 5;
  private static final String LEADS = Leads.LEADS;
  private static final Pattern LIMIT = Pattern.compile("\"default\";r=(\\d+);t=(\\d+)");

  /** Short windows, so that a reset can be waited for; each key gets a small quota of its own. */
  public static class ShortWindow implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "baton.rate-limit.window",
          WINDOW + "S",
          "baton.rate-limit.requests-per-window",
          Integer.toString(DEFAULT_QUOTA));
    }
  }

  @Test
  void successfulAnswersSayWhatIsLeft() {
    String key = key("ANALYST", 20);
    for (int left = 19; left >= 17; left--) {
      Response answer = list(key);
      answer.then().statusCode(200);
      assertEquals("\"default\";q=20;w=" + WINDOW, answer.header("RateLimit-Policy"));
      assertEquals(left, remaining(answer));
      long reset = reset(answer);
      assertTrue(reset >= 1 && reset <= WINDOW, answer.header("RateLimit"));
    }
  }

  @Test
  void keysWithoutTheirOwnQuotaHaveTheDefault() {
    Response answer = as(As.ADMIN).get("/api/v1/api-keys?limit=1");
    answer.then().statusCode(200);
    assertEquals(
        "\"default\";q=" + DEFAULT_QUOTA + ";w=" + WINDOW, answer.header("RateLimit-Policy"));
  }

  @Test
  void theRequestAfterTheQuotaIsRefusedWithAProblemAndWhenToRetry() {
    String key = key("ANALYST", 20);
    for (int i = 0; i < 20; i++) {
      list(key).then().statusCode(200);
    }
    Response refused = list(key);
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:baton:problem:rate-limited"))
        .body("title", equalTo("Too many requests"))
        .body("status", equalTo(429))
        .body("instance", equalTo("/api/v1/leads"));
    String detail = refused.jsonPath().getString("detail");
    assertTrue(
        detail.startsWith("This API key may make 20 requests per " + WINDOW + " seconds"), detail);
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= WINDOW, "Retry-After " + retryAfter);
    assertEquals("\"default\";q=20;w=" + WINDOW, refused.header("RateLimit-Policy"));
    assertEquals(0, remaining(refused));
    assertEquals(1, refused.headers().getValues("RateLimit").size());
    assertEquals(retryAfter, reset(refused));
    assertTrue(detail.endsWith("resets in " + retryAfter + " seconds"), detail);
  }

  @Test
  void parallelRequestsGetExactlyTheQuota() throws Exception {
    String key = key("ANALYST", 20);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return list(key).statusCode();
              }));
    }
    start.countDown();
    int ok = 0;
    int refused = 0;
    for (Future<Integer> answer : answers) {
      int status = answer.get();
      if (status == 200) {
        ok++;
      } else if (status == 429) {
        refused++;
      }
    }
    pool.shutdown();
    assertEquals(20, ok);
    assertEquals(20, refused);
  }

  @Test
  void otherKeysAreUnaffected() {
    String spent = key("ANALYST", 2);
    String other = key("ANALYST", 2);
    list(spent).then().statusCode(200);
    list(spent).then().statusCode(200);
    list(spent).then().statusCode(429);
    Response answer = list(other);
    answer.then().statusCode(200);
    assertEquals(1, remaining(answer));
  }

  @Test
  void theQuotaComesBackWhenTheWindowResets() throws Exception {
    String key = key("ANALYST", 3);
    for (int i = 0; i < 3; i++) {
      list(key).then().statusCode(200);
    }
    Response refused = list(key);
    refused.then().statusCode(429);
    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 200);
    Response answer = list(key);
    answer.then().statusCode(200);
    assertEquals(2, remaining(answer));
  }

  @Test
  void healthMetricsAndTheContractAreNeverLimited() {
    String key = key("ANALYST", 1);
    list(key).then().statusCode(200);
    list(key).then().statusCode(429);
    for (String path : List.of("/q/health/ready", "/q/health/live", "/q/openapi")) {
      for (int i = 0; i < 3; i++) {
        Response answer = Ops.given().auth().oauth2(key).get(path);
        answer.then().statusCode(200);
        assertNull(answer.header("RateLimit"), path);
      }
    }
    for (int i = 0; i < 3; i++) {
      Response answer = Scrape.get(given().auth().oauth2(key));
      answer.then().statusCode(200);
      assertNull(answer.header("RateLimit"), "scrape");
    }
  }

  @Test
  void aRefusedHandoffCreatesNothingAndCanBeRetriedWithItsKey() throws Exception {
    String key = key("MARKETING", 1);
    list(key).then().statusCode(200);
    Map<String, Object> lead = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    String idempotencyKey = UUID.randomUUID().toString();
    Response refused = call(key).header("Idempotency-Key", idempotencyKey).body(lead).post(LEADS);
    refused.then().statusCode(429).body("type", equalTo("urn:baton:problem:rate-limited"));
    String source = source(lead);
    as(As.ADMIN)
        .queryParam("source", source)
        .get(LEADS)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));

    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 200);
    Response created = call(key).header("Idempotency-Key", idempotencyKey).body(lead).post(LEADS);
    created.then().statusCode(201);
    assertNull(created.header("Idempotent-Replayed"), "the refusal left nothing to replay");
    as(As.ADMIN)
        .queryParam("source", source)
        .get(LEADS)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1));
  }

  @Test
  void unauthenticatedAndForbiddenRequestsAreNotCounted() {
    given().get(LEADS).then().statusCode(401).header("RateLimit", nullValue());
    given().auth().oauth2("bk_unknown").get(LEADS).then().statusCode(401);
    String key = key("ANALYST", 2);
    for (int i = 0; i < 3; i++) {
      call(key)
          .body(Leads.body(Leads.uniqueSource(), null))
          .post(LEADS)
          .then()
          .statusCode(403)
          .header("RateLimit", nullValue());
    }
    Response answer = list(key);
    answer.then().statusCode(200);
    assertEquals(1, remaining(answer));
  }

  @Test
  void errorsAfterCountingCarryTheHeadersToo() {
    String key = key("ANALYST", 5);
    Response missing = call(key).get(LEADS + "/" + UUID.randomUUID());
    missing.then().statusCode(404);
    assertEquals(4, remaining(missing));
    Response invalid = call(key).queryParam("limit", 0).get(LEADS);
    invalid.then().statusCode(400);
    assertEquals(3, remaining(invalid));
  }

  @Test
  void aKeyShowsItsOwnQuota() {
    Response created =
        as(As.ADMIN)
            .body(Map.of("name", "quota-600", "role", "SALES", "rateLimit", 600))
            .post("/api/v1/api-keys");
    created.then().statusCode(201).body("rateLimit", equalTo(600));
    as(As.ADMIN)
        .get("/api/v1/api-keys/" + created.jsonPath().getString("id"))
        .then()
        .statusCode(200)
        .body("rateLimit", equalTo(600));
    as(As.ADMIN)
        .body(Map.of("name", "default-quota", "role", "SALES"))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .body("rateLimit", nullValue());
  }

  @Test
  void aQuotaIsAPositiveWholeNumber() {
    for (Object bad : List.of(0, -5, 100_000_001, "600", 1.5)) {
      Map<String, Object> body = new HashMap<>(Map.of("name", "bad-quota", "role", "SALES"));
      body.put("rateLimit", bad);
      as(As.ADMIN)
          .body(body)
          .post("/api/v1/api-keys")
          .then()
          .statusCode(400)
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", hasItem("rateLimit"));
    }
  }

  /** A new key with the given role and quota, answered as its secret. */
  private static String key(String role, int rateLimit) {
    return as(As.ADMIN)
        .body(Map.of("name", "rate-" + rateLimit, "role", role, "rateLimit", rateLimit))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  private static RequestSpecification call(String key) {
    return given().auth().oauth2(key).contentType(ContentType.JSON);
  }

  private static Response list(String key) {
    return call(key).queryParam("limit", 1).get(LEADS);
  }

  private static int remaining(Response answer) {
    return Integer.parseInt(limit(answer).group(1));
  }

  private static long reset(Response answer) {
    return Long.parseLong(limit(answer).group(2));
  }

  private static Matcher limit(Response answer) {
    String header = answer.header("RateLimit");
    Matcher matcher = LIMIT.matcher(header == null ? "" : header);
    assertTrue(matcher.matches(), "RateLimit: " + header);
    return matcher;
  }

  @SuppressWarnings("unchecked")
  private static String source(Map<String, Object> lead) {
    return (String) ((Map<String, Object>) lead.get("attribution")).get("source");
  }
}
