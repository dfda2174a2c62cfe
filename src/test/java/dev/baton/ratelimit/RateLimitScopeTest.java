package dev.baton.ratelimit;

import static dev.baton.ratelimit.QuotaCalls.call;
import static dev.baton.ratelimit.QuotaCalls.key;
import static dev.baton.ratelimit.QuotaCalls.list;
import static dev.baton.ratelimit.QuotaCalls.remaining;
import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Ops;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a quota counts: requests of a known key that may make them, answered with the headers even
 * when they fail. Health, metrics and the contract are never limited, and a refused handoff leaves
 * nothing behind, not even for its idempotency key.
 */
@QuarkusTest
@TestProfile(ShortWindow.class)
class RateLimitScopeTest {

  private static final String LEADS = Leads.LEADS;

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

  @SuppressWarnings("unchecked")
  private static String source(Map<String, Object> lead) {
    return (String) ((Map<String, Object>) lead.get("attribution")).get("source");
  }
}
