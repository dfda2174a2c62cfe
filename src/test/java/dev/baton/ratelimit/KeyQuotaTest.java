package dev.baton.ratelimit;

import static dev.baton.ratelimit.ShortWindow.DEFAULT_QUOTA;
import static dev.baton.ratelimit.ShortWindow.WINDOW;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key's own quota: set by the admin at creation and shown with the key, a positive whole number;
 * a key without one has the default.
 */
@QuarkusTest
@TestProfile(ShortWindow.class)
class KeyQuotaTest {

  @Test
  void keysWithoutTheirOwnQuotaHaveTheDefault() {
    Response answer = as(As.ADMIN).get("/api/v1/api-keys?limit=1");
    answer.then().statusCode(200);
    assertEquals(
        "\"default\";q=" + DEFAULT_QUOTA + ";w=" + WINDOW, answer.header("RateLimit-Policy"));
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
}
