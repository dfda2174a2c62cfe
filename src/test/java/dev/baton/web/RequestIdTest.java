package dev.baton.web;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Ops;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every answer carries X-Request-Id: the caller's when it is sane, a new one otherwise. */
@QuarkusTest
class RequestIdTest {

  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void saneIncomingIdIsEchoed() {
    String id = "req_" + UUID.randomUUID() + ":1.A-b";
    as(As.ANALYST)
        .header("X-Request-Id", id)
        .get("/api/v1/rejection-reasons")
        .then()
        .statusCode(200)
        .header("X-Request-Id", id);
  }

  @Test
  void missingIdIsGenerated() {
    String first = as(As.ANALYST).get("/api/v1/rejection-reasons").header("X-Request-Id");
    String second = as(As.ANALYST).get("/api/v1/rejection-reasons").header("X-Request-Id");
    assertTrue(first.matches(UUID_PATTERN), first);
    assertNotEquals(first, second);
  }

  @Test
  void insaneIncomingIdsAreReplaced() {
    for (String insane :
        new String[] {"", "two words", "a".repeat(129), "<script>", "id;drop", "caf\u00e9"}) {
      as(As.ANALYST)
          .header("X-Request-Id", insane)
          .get("/api/v1/rejection-reasons")
          .then()
          .statusCode(200)
          .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }
    String longest = "a".repeat(128);
    as(As.ANALYST)
        .header("X-Request-Id", longest)
        .get("/api/v1/rejection-reasons")
        .then()
        .header("X-Request-Id", longest);
  }

  @Test
  void problemsCarryTheIdInTheHeaderAndTheBody() {
    Map<String, Response> answers =
        Map.of(
            "400",
            as(As.MARKETING).body(Map.of("contact", Map.of())).post("/api/v1/leads"),
            "401",
            given().get("/api/v1/leads"),
            "403",
            as(As.ANALYST).body(Map.of()).post("/api/v1/leads"),
            "404",
            as(As.ANALYST).get("/api/v1/leads/" + UUID.randomUUID()),
            "405",
            as(As.ANALYST).delete("/api/v1/rejection-reasons"),
            "413",
            as(As.MARKETING)
                .body("{\"contact\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/leads"));
    answers.forEach(
        (status, answer) -> {
          assertEquals(Integer.parseInt(status), answer.statusCode(), status);
          String id = answer.header("X-Request-Id");
          assertTrue(id != null && id.matches(UUID_PATTERN), status + ": " + id);
          answer.then().contentType("application/problem+json").body("requestId", equalTo(id));
        });
  }

  @Test
  void unknownPathsCarryTheId() {
    for (String path : new String[] {"/api/v1/no-such-thing", "/no-such-thing"}) {
      given()
          .header("X-Request-Id", "lost-1")
          .accept(ContentType.JSON)
          .get(path)
          .then()
          .statusCode(404)
          .header("X-Request-Id", "lost-1");
    }
  }

  @Test
  void operationsEndpointsCarryTheId() {
    Ops.given().get("/q/health/ready").then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
    Scrape.get(given()).then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
  }
}
