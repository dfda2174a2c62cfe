package dev.baton.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** Calls Baton as a client would: with an API key of a given role. */
public final class Api {

  public enum As {
    MARKETING,
    SALES,
    SALES_MANAGER,
    ANALYST,
    ADMIN
  }

  public static final String ADMIN_KEY = "test-admin-key";
  private static final Map<As, String> KEYS = new EnumMap<>(As.class);

  private Api() {}

  public static synchronized String key(As role) {
    if (role == As.ADMIN) {
      return ADMIN_KEY;
    }
    return KEYS.computeIfAbsent(
        role,
        r ->
            given()
                .auth()
                .oauth2(ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "test-" + r.name().toLowerCase(), "role", r.name()))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key"));
  }

  public static RequestSpecification as(As role) {
    return given().auth().oauth2(key(role)).contentType(ContentType.JSON);
  }

  /** A lead body with a unique email, handed off by marketing. */
  public static Map<String, Object> newLead(String status) {
    return Map.of(
        "contact",
        Map.of("email", "lead-" + UUID.randomUUID() + "@example.com", "firstName", "Ada"),
        "attribution",
        Map.of("source", "webinar", "campaign", "q4-launch"),
        "segment",
        "mid-market",
        "status",
        status);
  }

  /** Hands off a lead and answers its id. */
  public static String handOff(String status) {
    return as(As.MARKETING)
        .body(newLead(status))
        .post("/api/v1/leads")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
