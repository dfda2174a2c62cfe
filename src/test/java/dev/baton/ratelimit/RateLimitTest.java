package dev.baton.ratelimit;

import static dev.baton.ratelimit.QuotaCalls.key;
import static dev.baton.ratelimit.QuotaCalls.list;
import static dev.baton.ratelimit.QuotaCalls.remaining;
import static dev.baton.ratelimit.QuotaCalls.reset;
import static dev.baton.ratelimit.ShortWindow.WINDOW;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Per-key quotas: headers on every answer, a 429 after the quota, a fresh quota each window. */
@QuarkusTest
@TestProfile(ShortWindow.class)
class RateLimitTest {

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
}
