package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Scrape;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The person, the calls and the reads of what is left that the erasure tests share. */
final class ErasureScenes {

  private ErasureScenes() {}

  /** Everything personal a lead can carry, each value containing {@code marker}. */
  static Map<String, Object> person(String marker, String email, String phone, String tag) {
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

  static String uniqueMarker() {
    return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static String uniquePhone() {
    return "+44 20 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  static Response erase(As who, String id) {
    return as(who).delete(LEADS + "/" + id + "/personal-data");
  }

  static void move(As who, String id, String action, Map<String, ?> body) {
    Leads.move(as(who), id, action, body).then().log().ifValidationFails().statusCode(200);
  }

  static String funnel(String from, String to, String source) {
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

  static String sla(String from, String to, String segment) {
    return as(As.ANALYST)
        .queryParams(Map.of("from", from, "to", to, "segment", segment))
        .get("/api/v1/sla")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  static long erasures() {
    return (long) Scrape.value("baton_erasures_total");
  }

  static List<String> typesAfter(String id, String type) {
    List<String> types = Leads.historyTypes(id);
    return types.subList(types.indexOf(type) + 1, types.size());
  }

  static List<String> payloads(AgroalDataSource db, String hook, String lead) throws SQLException {
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

  /** The tables with rows whose text contains {@code needle}, and how many. */
  static Map<String, Integer> holding(AgroalDataSource db, String needle) throws SQLException {
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
