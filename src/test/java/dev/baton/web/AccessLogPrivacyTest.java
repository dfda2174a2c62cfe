package dev.baton.web;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With the access log on, a whole working session — handoffs, searches by email and owner, moves,
 * edits, feedback, an upsert, the list and the feed, an erasure — leaves no email address in any
 * URL it requested or was sent to, nor in any log line, and every access-log line carries the
 * request id of its answer. A client that still puts an email in the query is refused, and the
 * access log does not keep it either.
 */
@QuarkusTest
@TestProfile(AccessLogPrivacyTest.AccessLogOn.class)
class AccessLogPrivacyTest {

  public static class AccessLogOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.access-log.enabled", "true",
          "quarkus.http.record-request-start-time", "true");
    }
  }

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
          Pattern.CASE_INSENSITIVE);

  private final SessionRecorder recorder = new SessionRecorder();
  private final String tag = Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36);
  private final List<String> emails = new ArrayList<>();

  private RequestSpecification call(As role) {
    return as(role).filter(recorder);
  }

  private String email(String who) {
    String email = who + ".quist." + tag + "@example.org";
    emails.add(email);
    return email;
  }

  private Map<String, Object> lead(String email, String status) {
    return Map.of(
        "contact",
        Map.of("email", email, "firstName", "Zelda"),
        "attribution",
        Map.of("source", "access-log-" + tag, "campaign", "q4"),
        "status",
        status);
  }

  private String handOff(String email, String status) {
    return call(As.MARKETING)
        .body(lead(email, status))
        .post("/api/v1/leads")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private List<String> searched(As role, Map<String, ?> filters) {
    return call(role)
        .body(filters)
        .post("/api/v1/leads/search")
        .then()
        .statusCode(200)
        .extract()
        .path("data.id");
  }

  private void move(As role, String id, String action, Map<String, ?> input) {
    call(role).body(input).post("/api/v1/leads/" + id + "/" + action).then().statusCode(200);
  }

  @Test
  void aSessionLeavesNoEmailInAnyUrlOrLogLineAndEveryAccessLineCarriesItsRequestId()
      throws Exception {
    String source = "access-log-" + tag;
    try (CapturedLog log = CapturedLog.open()) {
      // Hand off, one by one and in a batch, and meet a duplicate.
      String ada = handOff(email("ada"), "GENERATED");
      String grace = handOff(email("Grace"), "QUALIFIED");
      String linus = handOff(email("linus"), "GENERATED");
      call(As.MARKETING)
          .body(Map.of("leads", List.of(lead(email("alan"), "QUALIFIED"))))
          .post("/api/v1/leads/batch")
          .then()
          .statusCode(200)
          .body("results[0].status", equalTo(201));
      String existing =
          call(As.MARKETING)
              .body(lead(emails.get(0).toUpperCase(Locale.ROOT), "GENERATED"))
              .post("/api/v1/leads")
              .then()
              .statusCode(409)
              .extract()
              .path("existingLeadLocation");
      recorder.urls.add("existingLeadLocation: " + existing);

      // Find people by email, in the body.
      assertEquals(List.of(ada), searched(As.ANALYST, Map.of("email", emails.get(0))));
      assertEquals(
          List.of(grace),
          searched(As.SALES, Map.of("email", emails.get(1).toUpperCase(Locale.ROOT))));

      // Page through the list and the search with cursors.
      JsonPath first =
          call(As.ANALYST)
              .queryParam("source", source)
              .queryParam("limit", 2)
              .get("/api/v1/leads")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String cursor = first.getString("nextCursor");
      assertNotNull(cursor);
      call(As.ANALYST)
          .queryParam("source", source)
          .queryParam("cursor", cursor)
          .get("/api/v1/leads")
          .then()
          .statusCode(200);
      searched(As.ANALYST, Map.of("source", source, "cursor", cursor));

      // Read, edit and move the leads; feedback; an upsert by another system's id.
      String etag = call(As.SALES).get("/api/v1/leads/" + ada).then().extract().header("ETag");
      call(As.SALES)
          .header("If-Match", etag)
          .body(Map.of("contact", Map.of("email", email("ada.new"), "phone", "+44 20 7946 0000")))
          .patch("/api/v1/leads/" + ada)
          .then()
          .statusCode(200);
      move(As.MARKETING, ada, "qualify", Map.of("score", 70));
      move(As.SALES, ada, "accept", Map.of("owner", "owner-" + tag));
      move(
          As.SALES, ada, "convert", Map.of("amount", new BigDecimal("1200.00"), "currency", "EUR"));
      move(As.SALES, grace, "reject", Map.of("reason", "NO_BUDGET"));
      move(As.MARKETING, grace, "recycle", Map.of());
      move(As.MARKETING, linus, "reject", Map.of("reason", "NOT_ICP"));
      call(As.SALES)
          .body(Map.of("rating", 4, "kind", "NOTE", "text", "Met at the booth"))
          .post("/api/v1/leads/" + ada + "/feedback")
          .then()
          .statusCode(201);
      call(As.ANALYST).get("/api/v1/leads/" + ada + "/feedback").then().statusCode(200);
      call(As.ANALYST).get("/api/v1/leads/" + ada + "/history").then().statusCode(200);
      assertEquals(
          List.of(ada), searched(As.ANALYST, Map.of("owner", "owner-" + tag, "source", source)));
      call(As.MARKETING)
          .body(lead(email("eve"), "GENERATED"))
          .put("/api/v1/leads/external/hubspot/" + Integer.toUnsignedString(tag.hashCode()))
          .then()
          .statusCode(201);

      // The feed, then the erasure of a person.
      call(As.ANALYST)
          .queryParam("types", "lead.created,lead.erased")
          .queryParam("limit", 200)
          .get("/api/v1/events")
          .then()
          .statusCode(200);
      call(As.ADMIN).delete("/api/v1/leads/" + ada + "/personal-data").then().statusCode(200);
      assertEquals(List.of(), searched(As.ANALYST, Map.of("email", emails.get(0))));

      // A client that still sends an email in the query: refused, and not kept by the log.
      String refused = "refused-" + tag;
      as(As.ANALYST)
          .header(RequestIdFilter.HEADER, refused)
          .queryParam("email", emails.get(2))
          .get("/api/v1/leads")
          .then()
          .statusCode(400)
          .body("errors.field", equalTo(List.of("email")));

      List<String> accessLines = SessionRecorder.awaitAccessLines(log, refused);
      String text = log.text();

      for (String url : recorder.urls) {
        String decoded = URLDecoder.decode(url, StandardCharsets.UTF_8);
        assertNoEmail(decoded, "a URL of the session");
        if (url.contains("cursor=")) {
          String value = decoded.replaceAll(".*cursor=([^&]*).*", "$1");
          assertNoEmail(
              new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8), "a cursor");
        }
      }
      assertNoEmail(text, "the log");

      assertFalse(recorder.requestIds.isEmpty());
      for (String id : recorder.requestIds) {
        assertTrue(
            accessLines.stream().anyMatch(line -> line.contains(" " + id + " ")),
            "no access-log line for request " + id + ":\n" + String.join("\n", accessLines));
      }
      String refusedLine =
          accessLines.stream().filter(line -> line.contains(" " + refused + " ")).findFirst().get();
      assertTrue(
          refusedLine.matches(".* " + refused + " GET /api/v1/leads HTTP/1\\.1 400 \\d+ \\d+$"),
          refusedLine);
      for (String line : accessLines) {
        assertFalse(line.contains("?"), "a query string in the access log: " + line);
      }
    }
  }

  private void assertNoEmail(String text, String where) {
    Matcher found = EMAIL.matcher(text);
    assertFalse(found.find(), () -> "an email address in " + where + ": " + found.group());
    String folded = text.toLowerCase(Locale.ROOT);
    for (String email : emails) {
      String lower = email.toLowerCase(Locale.ROOT);
      for (String form : List.of(lower, lower.replace("@", "%40"))) {
        assertFalse(folded.contains(form), email + " in " + where + ":\n" + text);
      }
    }
  }
}
