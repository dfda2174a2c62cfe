package dev.baton.testing;

import static io.restassured.RestAssured.given;

import dev.baton.testing.Api.As;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Test data and calls shared by the lead tests: each test makes its own leads. */
public final class Leads {

  public static final String LEADS = "/api/v1/leads";
  public static final String SEARCH = LEADS + "/search";

  /** Numbers read as doubles, so that amounts and scores compare by value. */
  public static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

  private Leads() {}

  /** A source no other test uses, so that list filters see only this test's leads. */
  public static String uniqueSource() {
    return "src-" + UUID.randomUUID();
  }

  public static String uniqueEmail() {
    return "lead-" + UUID.randomUUID() + "@example.com";
  }

  /** A minimal lead body (mutable, so a test can add to it). */
  public static Map<String, Object> body(String source, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contact", new HashMap<>(Map.of("email", uniqueEmail(), "firstName", "Ada")));
    body.put("attribution", new HashMap<>(Map.of("source", source, "campaign", "q4-launch")));
    body.put("segment", "mid-market");
    if (status != null) {
      body.put("status", status);
    }
    return body;
  }

  /** {@code body} with the whole person: every contact, company and consent field given. */
  public static Map<String, Object> withWholePerson(Map<String, Object> body) {
    body.put(
        "contact",
        Map.of(
            "email", uniqueEmail(),
            "firstName", "Ada",
            "lastName", "Lovelace",
            "phone", "+44 20 7946 0958",
            "jobTitle", "Analyst"));
    body.put(
        "company",
        Map.of(
            "name", "Analytical Engines",
            "domain", "engines.example",
            "industry", "Computing",
            "size", "11-50",
            "country", "GB"));
    body.put(
        "consent",
        Map.of("granted", true, "capturedAt", "2026-11-30T09:15:00.123456Z", "source", "form"));
    return body;
  }

  /** Hands a lead off as marketing and answers its id. */
  public static String handOff(Map<String, Object> body) {
    return Api.as(As.MARKETING).body(body).post(LEADS).then().statusCode(201).extract().path("id");
  }

  /** A lead in the given status, brought there by an admin through the funnel. */
  public static String leadIn(String status) {
    return switch (status) {
      case "GENERATED" -> handOff(body(uniqueSource(), "GENERATED"));
      case "QUALIFIED" -> handOff(body(uniqueSource(), "QUALIFIED"));
      case "ACCEPTED" -> moved(leadIn("QUALIFIED"), "accept", Map.of("owner", "jane@acme.com"));
      case "REJECTED" -> moved(leadIn("GENERATED"), "reject", Map.of("reason", "NOT_ICP"));
      case "CONVERTED" -> moved(leadIn("ACCEPTED"), "convert", Map.of());
      default -> throw new IllegalArgumentException(status);
    };
  }

  private static String moved(String id, String action, Map<String, Object> input) {
    move(Api.as(As.ADMIN), id, action, input).then().statusCode(200);
    return id;
  }

  public static Response move(
      RequestSpecification caller, String id, String action, Map<String, ?> input) {
    return caller.body(input).post(LEADS + "/" + id + "/" + action);
  }

  /** POST /api/v1/leads/search with these filters in the body. */
  public static Response search(RequestSpecification caller, Map<String, ?> filters) {
    return caller.body(filters).post(SEARCH);
  }

  public static Response get(String id) {
    return Api.as(As.ANALYST).get(LEADS + "/" + id);
  }

  public static Response history(String id) {
    return Api.as(As.ANALYST).get(LEADS + "/" + id + "/history");
  }

  public static long version(String id) {
    return ((Number) get(id).then().statusCode(200).extract().path("version")).longValue();
  }

  public static List<String> historyTypes(String id) {
    return history(id).then().statusCode(200).extract().path("data.type");
  }

  /** A new API key with a unique name: the key, its name and role. */
  public record Key(String key, String name, String role) {
    public RequestSpecification spec() {
      return given().auth().oauth2(key).contentType(ContentType.JSON);
    }
  }

  public static Key newKey(String role) {
    String name = role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
    String key =
        Api.as(As.ADMIN)
            .body(Map.of("name", name, "role", role))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    return new Key(key, name, role);
  }

  /** An active rejection reason of this test's own, so that deactivating it disturbs no one. */
  public static String newReason(String accountable, boolean requiresNote) {
    String code = "T_" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    Api.as(As.ADMIN)
        .body(
            Map.of(
                "code",
                code,
                "label",
                "Test reason " + code,
                "accountable",
                accountable,
                "requiresNote",
                requiresNote))
        .post("/api/v1/rejection-reasons")
        .then()
        .statusCode(201);
    return code;
  }

  /**
   * The lead once its SLA is in {@code state}, read again every 100 ms for up to 20 s. A test that
   * runs the breach job itself needs it: a scheduled run of the job may hold the same lead at that
   * moment, and the job skips what another run holds (SKIP LOCKED), so the breach is seen only once
   * that run commits.
   */
  public static JsonPath awaitSlaState(String id, String state) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      JsonPath lead = get(id).then().statusCode(200).extract().jsonPath();
      if (state.equals(lead.getString("sla.state"))) {
        return lead;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the SLA of " + id + " is still " + lead.getString("sla.state"));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
