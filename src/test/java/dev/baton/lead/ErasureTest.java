package dev.baton.lead;

import static dev.baton.lead.ErasureScenes.erase;
import static dev.baton.lead.ErasureScenes.erasures;
import static dev.baton.lead.ErasureScenes.funnel;
import static dev.baton.lead.ErasureScenes.move;
import static dev.baton.lead.ErasureScenes.person;
import static dev.baton.lead.ErasureScenes.sla;
import static dev.baton.lead.ErasureScenes.typesAfter;
import static dev.baton.lead.ErasureScenes.uniqueMarker;
import static dev.baton.lead.ErasureScenes.uniquePhone;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DELETE of a lead's personal data: gone from every table and answer, the figures unmoved. */
@QuarkusTest
class ErasureTest {

  @Inject AgroalDataSource db;

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

  private List<String> payloads(String hook, String lead) throws SQLException {
    return ErasureScenes.payloads(db, hook, lead);
  }

  /** Rows of any table whose text contains {@code needle}. */
  private int occurrences(String needle) throws SQLException {
    return holding(needle).values().stream().mapToInt(Integer::intValue).sum();
  }

  private Map<String, Integer> holding(String needle) throws SQLException {
    return ErasureScenes.holding(db, needle);
  }
}
