package dev.baton.ratelimit;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls with keys of a given quota, and what their RateLimit header says is left. */
final class QuotaCalls {

  private static final String LEADS = Leads.LEADS;
  private static final Pattern LIMIT = Pattern.compile("\"default\";r=(\\d+);t=(\\d+)");

  private QuotaCalls() {}

  /** A new key with the given role and quota, answered as its secret. */
  static String key(String role, int rateLimit) {
    return as(As.ADMIN)
        .body(Map.of("name", "rate-" + rateLimit, "role", role, "rateLimit", rateLimit))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  static RequestSpecification call(String key) {
    return given().auth().oauth2(key).contentType(ContentType.JSON);
  }

  static Response list(String key) {
    return call(key).queryParam("limit", 1).get(LEADS);
  }

  static int remaining(Response answer) {
    return Integer.parseInt(limit(answer).group(1));
  }

  static long reset(Response answer) {
    return Long.parseLong(limit(answer).group(2));
  }

  private static Matcher limit(Response answer) {
    String header = answer.header("RateLimit");
    Matcher matcher = LIMIT.matcher(header == null ? "" : header);
    assertTrue(matcher.matches(), "RateLimit: " + header);
    return matcher;
  }
}
