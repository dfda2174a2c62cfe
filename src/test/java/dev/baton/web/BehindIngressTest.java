package dev.baton.web;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Baton behind a TLS-terminating ingress ({@code BATON_BEHIND_PROXY=true}) and called from a
 * browser page of another origin ({@code QUARKUS_HTTP_CORS_ENABLED}, {@code
 * QUARKUS_HTTP_CORS_ORIGINS}): one profile, to start Quarkus once for both. The defaults, where
 * both are off, are in {@link IngressDefaultsTest}.
 */
@QuarkusTest
@TestProfile(BehindIngressTest.IngressWithBrowsers.class)
class BehindIngressTest {

  static final String ORIGIN = "https://crm.example.com";

  public static class IngressWithBrowsers implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "BATON_BEHIND_PROXY", "true",
          "quarkus.http.cors.enabled", "true",
          "quarkus.http.cors.origins", ORIGIN);
    }
  }

  @Test
  void handoffThroughXForwardedHeadersAnswersThePublicHttpsLocation() {
    Response response =
        as(As.MARKETING)
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "baton.example.com")
            .body(Api.newLead("GENERATED"))
            .post("/api/v1/leads");
    response
        .then()
        .statusCode(201)
        .header("Location", startsWith("https://baton.example.com/api/v1/leads/"));
  }

  @Test
  void handoffThroughForwardedHeaderAnswersThePublicHttpsLocation() {
    Response response =
        as(As.MARKETING)
            .header("Forwarded", "for=203.0.113.7;proto=https;host=leads.example.org")
            .body(Api.newLead("GENERATED"))
            .post("/api/v1/leads");
    response
        .then()
        .statusCode(201)
        .header("Location", startsWith("https://leads.example.org/api/v1/leads/"));
  }

  @Test
  void preflightFromAConfiguredOriginIsAllowedWithTheHeadersBatonReads() {
    given()
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "PATCH")
        .header(
            "Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
        .options("/api/v1/leads/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", ORIGIN)
        .header("Access-Control-Allow-Methods", containsString("PATCH"))
        .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
        .header("Access-Control-Allow-Headers", containsString("If-Match"))
        .header("Access-Control-Allow-Headers", containsString("Authorization"))
        .header("X-Request-Id", notNullValue());
  }

  @Test
  void crossOriginHandoffExposesTheHeadersBatonAnswersWith() {
    Response response =
        as(As.MARKETING)
            .header("Origin", ORIGIN)
            .body(Api.newLead("GENERATED"))
            .post("/api/v1/leads");
    response.then().statusCode(201).header("Access-Control-Allow-Origin", ORIGIN);
    String exposed = response.header("Access-Control-Expose-Headers");
    for (String header :
        List.of(
            "ETag",
            "Location",
            "X-Request-Id",
            "RateLimit",
            "RateLimit-Policy",
            "Retry-After",
            "Idempotent-Replayed")) {
      assertThat(exposed, containsString(header));
    }
  }

  @Test
  void otherOriginsAreNotAllowed() {
    as(As.MARKETING)
        .header("Origin", "https://evil.example.net")
        .get("/api/v1/leads?limit=1")
        .then()
        .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example.net")));
    given()
        .header("Origin", "https://evil.example.net")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/v1/leads")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
