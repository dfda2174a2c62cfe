package dev.baton.web;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * By default Baton believes no proxy headers (any client can send them) and sends no CORS header
 * (no browser page of another origin may call it). Both switched on: {@link BehindIngressTest}.
 */
@QuarkusTest
class IngressDefaultsTest {

  @Test
  void forwardedHeadersAreIgnoredByDefault() {
    String own = "http://localhost:" + RestAssured.port + "/api/v1/leads/";
    as(As.MARKETING)
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "evil.example.net")
        .body(Api.newLead("GENERATED"))
        .post("/api/v1/leads")
        .then()
        .statusCode(201)
        .header("Location", startsWith(own));
    as(As.MARKETING)
        .header("Forwarded", "proto=https;host=evil.example.net")
        .body(Api.newLead("GENERATED"))
        .post("/api/v1/leads")
        .then()
        .statusCode(201)
        .header("Location", startsWith(own));
  }

  @Test
  void crossOriginCallsGetNoCorsHeadersByDefault() {
    given()
        .header("Origin", "https://crm.example.com")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options("/api/v1/leads")
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Methods", nullValue());
    as(As.MARKETING)
        .header("Origin", "https://crm.example.com")
        .get("/api/v1/leads?limit=1")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Expose-Headers", nullValue());
  }
}
