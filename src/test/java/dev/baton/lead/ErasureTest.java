package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Scrape;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * DELETE /api/v1/leads/{id}/personal-data: the person is gone from every table and every answer,
 * the anonymous funnel facts stay and the figures do not move.
 */
@QuarkusTest
class ErasureTest {

  @Inject AgroalDataSource db;

  /** Everything personal a lead can carry, each value containing {@code marker}. */
  private static Map<String, Object> person(String marker, String email, String phone, String tag) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "contact",
        Map.of(
            "email", email,
            "firstName", "Ada" + marker,
            "lastName", "Lovelace" + marker,
            "phone", phone,
            "jobTitle", "Head of " + marker));
    body.put(
        "company",
        Map.of(
            "name", "Analytical " + marker,
            "domain", marker + ".example.com",
            "industry", "Software",
            "size", "51-200",
            "country", "GB"));
    body.put("attribution", Map.of("source", tag, "campaign", "erasure-campaign"));
    body.put("segment", tag);
    body.put("status", "QUALIFIED");
    body.put("score", 80);
    body.put("qualificationNote", "Spoke with " + marker + " at the booth");
    body.put(
        "consent",
        Map.of("granted", true, "capturedAt", "2026-01-05T10:00:00Z", "source", "form-" + marker));
    body.put("attributes", Map.of("linkedin", "https://linkedin.example/" + marker));
    body.put("externalRefs", List.of(Map.of("system", "crm", "id", "crm-" + marker)));
    return body;
  }

  private static String uniqueMarker() {
    return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private static String uniquePhone() {
    return "+44 20 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  private static Response erase(As who, String id) {
    return as(who).delete(LEADS + "/" + id + "/personal-data");
  }

  private static void move(As who, String id, String action, Map<String, ?> body) {
    Leads.move(as(who), id, action, body).then().log().ifValidationFails().statusCode(200);
  }

  @Test
  void thePersonIsErasedEverywhereAndTheFiguresStay() throws Exception {
    String marker = uniqueMarker();
    String email = marker + "@example.com";
    String phone = uniquePhone();
    // Source and segment: anonymous facts, and this test's own, so that its figures are its own.
    String tag = "erasure-" + UUID.randomUUID();
    String hook =
        as(As.ADMIN)
            .body(Map.of("url", "http://127.0.0.1:1/erasure"))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("webhook.id");
    try {
      Map<String, Object> handoff = person(marker, email, phone, tag);
      String idempotencyKey = UUID.randomUUID().toString();
      String first =
          as(As.MARKETING)
              .header("Idempotency-Key", idempotencyKey)
              .body(handoff)
              .post(LEADS)
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      // Every kind of free text: rejection, dispute, resolution, feedback, conversion.
      move(As.SALES, first, "reject", Map.of("reason", "OTHER", "note", "Called " + marker));
      as(As.MARKETING)
          .body(Map.of("note", marker + " is the buyer"))
          .post(LEADS + "/" + first + "/dispute")
          .then()
          .statusCode(200);
      as(As.SALES)
          .body(Map.of("outcome", "OVERTURNED", "note", "Right, " + marker + " buys"))
          .post(LEADS + "/" + first + "/dispute/resolve")
          .then()
          .statusCode(200);
      move(As.SALES, first, "accept", Map.of("owner", "jane@acme.com"));
      as(As.SALES)
          .body(Map.of("rating", 4, "kind", "NOTE", "text", marker + " prefers email"))
          .post(LEADS + "/" + first + "/feedback")
          .then()
          .statusCode(201);
      as(As.SALES)
          .body(
              "{\"opportunityRef\": \"opp-%s\", \"amount\": 12000.00, \"currency\": \"EUR\","
                      .formatted(marker)
                  + " \"note\": \"Signed by %s\"}".formatted(marker))
          .post(LEADS + "/" + first + "/convert")
          .then()
          .statusCode(200);
      // The person comes back: a second lead, linked to the first.
      Map<String, Object> again = person(marker, email, phone, tag);
      again.put("externalRefs", List.of(Map.of("system", "crm", "id", "crm2-" + marker)));
      String second = Leads.handOff(again);
      assertEquals(first, Leads.get(second).path("previousLeadId"));
      assertTrue(occurrences(marker) > 0, "the test's personal data is in the database");

      String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
      String to = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
      String funnelBefore = funnel(from, to, tag);
      String slaBefore = sla(from, to, tag);
      JsonPath before = Leads.get(first).then().extract().jsonPath();
      long metricBefore = erasures();

      JsonPath erasure = erase(As.ADMIN, first).then().statusCode(200).extract().jsonPath();
      assertEquals(List.of(first, second).stream().sorted().toList(), erasure.getList("leadIds"));
      assertNotNull(erasure.getString("erasedAt"));

      // Nowhere in the database: leads, events (the feed), webhook payloads, feedback,
      // external ids, stored idempotent answers.
      assertEquals(0, occurrences(marker), "rows still holding the marker: " + holding(marker));
      assertEquals(0, occurrences(phone), "rows still holding the phone: " + holding(phone));

      // The anonymous skeleton.
      JsonPath after = Leads.get(first).then().statusCode(200).extract().jsonPath();
      assertNull(after.get("contact"));
      assertEquals(
          Map.of("industry", "Software", "size", "51-200", "country", "GB"), after.get("company"));
      assertEquals(before.getMap("attribution"), after.getMap("attribution"));
      assertEquals(before.getMap("statusTimes"), after.getMap("statusTimes"));
      assertEquals(before.getString("segment"), after.getString("segment"));
      assertEquals(before.getString("owner"), after.getString("owner"));
      assertEquals("CONVERTED", after.getString("status"));
      assertEquals(80, after.getInt("score"));
      assertNull(after.get("qualificationNote"));
      assertNull(after.get("consent"));
      assertEquals(Map.of(), after.getMap("attributes"));
      assertEquals(List.of(), after.getList("externalRefs"));
      assertEquals(
          Map.of("currency", "EUR"), Map.of("currency", after.getString("conversion.currency")));
      assertNull(after.get("conversion.opportunityRef"));
      assertTrue(
          Leads.get(first).asString().contains("\"amount\":12000.00"), "the amount as given");
      assertEquals("OVERTURNED", after.getString("dispute.state"));
      assertNull(after.get("dispute.note"));
      assertNull(after.get("dispute.resolutionNote"));
      assertEquals(before.getLong("version") + 1, after.getLong("version"));
      assertEquals(erasure.getString("erasedAt"), after.getString("erasedAt"));

      // The figures are the same, to the byte.
      assertEquals(funnelBefore, funnel(from, to, tag));
      assertEquals(slaBefore, sla(from, to, tag));
      assertEquals(metricBefore + 2, erasures());

      // The history ends with lead.erased, its events keep their data minus the free text.
      List<Map<String, Object>> history =
          Leads.history(first).then().statusCode(200).extract().jsonPath().getList("data");
      assertEquals("lead.erased", history.get(history.size() - 1).get("type"));
      assertEquals(
          List.of(
              "lead.created",
              "lead.rejected",
              "lead.disputed",
              "lead.dispute_resolved",
              "lead.accepted",
              "lead.feedback_added",
              "lead.converted",
              "lead.erased"),
          history.stream().map(e -> e.get("type")).toList());
      Map<?, ?> converted = (Map<?, ?>) history.get(6).get("data");
      assertEquals("EUR", converted.get("currency"));
      assertFalse(converted.containsKey("opportunityRef"));
      assertFalse(converted.containsKey("note"));
      assertEquals(
          Leads.historyTypes(second).get(Leads.historyTypes(second).size() - 1), "lead.erased");

      // Subscribers are told, with no personal data in the payload.
      List<String> payloads = payloads(hook, first);
      assertTrue(
          payloads.stream().anyMatch(p -> p.contains("\"type\":\"lead.erased\"")),
          payloads.toString());

      // A retry of the original handoff replays the answer, now anonymous: no new lead.
      Response replay =
          as(As.MARKETING).header("Idempotency-Key", idempotencyKey).body(handoff).post(LEADS);
      replay.then().statusCode(201).header("Idempotent-Replayed", "true");
      assertEquals(first, replay.path("id"));
      assertNull(replay.path("contact"));
      assertFalse(replay.asString().contains(marker));

      // Erasing again changes nothing.
      JsonPath twice = erase(As.ADMIN, second).then().statusCode(200).extract().jsonPath();
      assertEquals(erasure.getList("leadIds"), twice.getList("leadIds"));
      assertEquals(List.of("lead.erased"), typesAfter(first, "lead.converted"));
      assertEquals(after.getLong("version"), Leads.version(first));

      // What would give it personal data again is refused.
      as(As.MARKETING)
          .contentType("application/merge-patch+json")
          .header("If-Match", "\"" + after.getLong("version") + "\"")
          .body(Map.of("contact", Map.of("email", email)))
          .patch(LEADS + "/" + first)
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:baton:problem:lead-erased"));
      as(As.SALES)
          .body(Map.of("rating", 2))
          .post(LEADS + "/" + first + "/feedback")
          .then()
          .statusCode(409)
          .body("type", equalTo("urn:baton:problem:lead-erased"));

      // The person can be handed off again: a new lead, unlinked to the erased ones.
      String fresh = Leads.handOff(person(uniqueMarker(), email, uniquePhone(), tag));
      assertNotEquals(first, fresh);
      assertNotEquals(second, fresh);
      Leads.get(fresh)
          .then()
          .body("previousLeadId", nullValue())
          .body("contact.email", equalTo(email));
      // ... and erased on its own: the erased leads have no email left to be found by.
      assertEquals(
          List.of(fresh),
          erase(As.ADMIN, fresh).then().statusCode(200).extract().jsonPath().getList("leadIds"));
    } finally {
      as(As.ADMIN).delete("/api/v1/webhooks/" + hook);
    }
  }

  @Test
  void anErasedQualifiedLeadStaysInTheFunnelForSalesToClose() {
    String id = Leads.leadIn("QUALIFIED");
    erase(As.ADMIN, id).then().statusCode(200);
    Leads.get(id).then().body("status", equalTo("QUALIFIED")).body("sla.state", equalTo("PENDING"));
    // A note sent with a move of an erased lead is not kept: not on the lead, not in its events.
    move(As.SALES, id, "reject", Map.of("reason", "NOT_ICP", "note", "Spoke to Ada Lovelace"));
    Leads.get(id)
        .then()
        .body("status", equalTo("REJECTED"))
        .body("rejection.reason", equalTo("NOT_ICP"))
        .body("rejection.note", nullValue())
        .body("erasedAt", notNullValue())
        .body("contact", nullValue());
    List<Map<String, Object>> history =
        Leads.history(id).then().statusCode(200).extract().jsonPath().getList("data");
    Map<?, ?> rejected = (Map<?, ?>) history.get(history.size() - 1).get("data");
    assertEquals("NOT_ICP", rejected.get("reason"));
    assertFalse(rejected.containsKey("note"), rejected.toString());
    Leads.move(as(As.MARKETING), id, "recycle", Map.of())
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:lead-erased"));
  }

  @Test
  void onlyAnAdminErases() {
    String id = Leads.leadIn("GENERATED");
    for (As who : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      erase(who, id).then().statusCode(403).contentType("application/problem+json");
    }
    Leads.get(id).then().body("contact.email", notNullValue()).body("erasedAt", nullValue());
    erase(As.ADMIN, UUID.randomUUID().toString())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    erase(As.ADMIN, "not-a-uuid").then().statusCode(404).contentType("application/problem+json");
  }

  private static String funnel(String from, String to, String source) {
    List<Map<String, Object>> groups =
        as(As.ANALYST)
            .queryParams(Map.of("from", from, "to", to, "groupBy", "source"))
            .get("/api/v1/funnel")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("groups");
    return groups.stream().filter(g -> source.equals(g.get("key"))).toList().toString();
  }

  private static String sla(String from, String to, String segment) {
    return as(As.ANALYST)
        .queryParams(Map.of("from", from, "to", to, "segment", segment))
        .get("/api/v1/sla")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static long erasures() {
    return (long) Scrape.value("baton_erasures_total");
  }

  private static List<String> typesAfter(String id, String type) {
    List<String> types = Leads.historyTypes(id);
    return types.subList(types.indexOf(type) + 1, types.size());
  }

  private List<String> payloads(String hook, String lead) throws SQLException {
    List<String> payloads = new ArrayList<>();
    try (Connection connection = db.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT payload FROM webhook_delivery WHERE webhook_id = ?::uuid"
                    + " AND lead_id = ?::uuid ORDER BY seq")) {
      query.setString(1, hook);
      query.setString(2, lead);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          payloads.add(rows.getString(1));
        }
      }
    }
    return payloads;
  }

  /** Rows of any table whose text contains {@code needle}. */
  private int occurrences(String needle) throws SQLException {
    return holding(needle).values().stream().mapToInt(Integer::intValue).sum();
  }

  private Map<String, Integer> holding(String needle) throws SQLException {
    Map<String, Integer> found = new HashMap<>();
    try (Connection connection = db.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          connection
              .createStatement()
              .executeQuery(
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
          query.setString(1, "%" + needle + "%");
          try (ResultSet rows = query.executeQuery()) {
            rows.next();
            if (rows.getInt(1) > 0) {
              found.put(table, rows.getInt(1));
            }
          }
        }
      }
    }
    return found;
  }
}
