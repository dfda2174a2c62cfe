package dev.baton.export;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The leads the export tests download, and the refusals they expect. */
final class ExportScenes {

  /** In every personal value of the rich lead, so that its erasure can be checked for. */
  static final String MARKER =
      "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  /** A CSV field that must be quoted: a comma, quotes and a line break. */
  static final String AWKWARD_TITLE = "Head of \"R&D\", EMEA\nnights " + MARKER;

  private ExportScenes() {}

  /**
   * Five leads of one source, in handoff order: QUALIFIED with every field; REJECTED by sales with
   * a note, and disputed; CONVERTED with an amount; recycled back to GENERATED; GENERATED.
   */
  static List<String> leadsInEveryState(String source) {
    List<String> ids = new ArrayList<>();
    Map<String, Object> rich = Leads.body(source, "QUALIFIED");
    rich.put(
        "contact",
        Map.of(
            "email",
            MARKER + "-" + UUID.randomUUID() + "@example.com",
            "firstName",
            "Ada " + MARKER,
            "lastName",
            "Lovelace",
            "phone",
            "+33 1 23 45 67 89",
            "jobTitle",
            AWKWARD_TITLE));
    rich.put(
        "company",
        Map.of("name", "Analytical, " + MARKER, "industry", "Software", "country", "GB"));
    rich.put("segment", "export-rich");
    rich.put("score", 80);
    rich.put("qualificationNote", "Met " + MARKER);
    rich.put("consent", Map.of("granted", true, "capturedAt", "2026-01-05T10:00:00.123456Z"));
    rich.put("attributes", Map.of("budget", 12000.50, "tags", List.of("a", MARKER)));
    rich.put(
        "externalRefs",
        List.of(
            Map.of("system", "crm", "id", "crm-" + MARKER + "-" + UUID.randomUUID()),
            Map.of("system", "forms", "id", "f-" + MARKER + "-" + UUID.randomUUID())));
    ids.add(Leads.handOff(rich));

    Map<String, Object> disputed = Leads.body(source, "QUALIFIED");
    disputed.put("segment", "export-rich");
    String rejected = Leads.handOff(disputed);
    move(As.SALES, rejected, "reject", Map.of("reason", "OTHER", "note", "No, " + MARKER));
    as(As.MARKETING)
        .body(Map.of("note", "Yes, " + MARKER))
        .post(Leads.LEADS + "/" + rejected + "/dispute")
        .then()
        .statusCode(200);
    ids.add(rejected);

    String converted = Leads.handOff(Leads.body(source, "QUALIFIED"));
    move(As.SALES, converted, "accept", Map.of("owner", "jane@acme.example"));
    move(
        As.SALES,
        converted,
        "convert",
        Map.of("opportunityRef", "006-" + MARKER, "amount", 12000, "currency", "EUR"));
    ids.add(converted);

    String recycled = Leads.handOff(Leads.body(source, null));
    move(As.MARKETING, recycled, "reject", Map.of("reason", "NOT_ICP"));
    move(As.MARKETING, recycled, "recycle", Map.of());
    ids.add(recycled);

    ids.add(Leads.handOff(Leads.body(source, null)));
    return ids;
  }

  private static void move(As who, String id, String action, Map<String, ?> input) {
    as(who).body(input).post(Leads.LEADS + "/" + id + "/" + action).then().statusCode(200);
  }

  /** The lead's externalRefs as the CSV writes them: system:id, separated by semicolons. */
  static String refs(JsonNode lead) {
    return StreamSupport.stream(lead.get("externalRefs").spliterator(), false)
        .map(ref -> ref.get("system").asText() + ":" + ref.get("id").asText())
        .collect(Collectors.joining(";"));
  }

  static Response raw(As role, String path, Map<String, ?> query) {
    return as(role).queryParams(query).get(path);
  }

  /** The download is refused with a 400 problem naming {@code field}, and nothing is streamed. */
  static void refused(String path, Map<String, ?> query, String field) {
    Response response = raw(As.ANALYST, path, query);
    assertEquals(400, response.statusCode(), response.asString());
    assertEquals("application/problem+json", response.contentType());
    assertEquals("urn:baton:problem:validation-error", response.path("type"));
    assertEquals(List.of(field), response.path("errors.field"), response.asString());
  }

  static void unauthorized(String path) {
    Response response = given().queryParams(new LinkedHashMap<>()).get(path);
    assertEquals(401, response.statusCode());
    assertEquals("application/problem+json", response.contentType());
    Response unknown = given().auth().oauth2("not-" + Api.ADMIN_KEY).get(path);
    assertEquals(401, unknown.statusCode());
  }
}
