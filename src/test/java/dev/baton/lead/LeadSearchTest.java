package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static dev.baton.testing.Leads.SEARCH;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/v1/leads/search: the list's filters, email and owner included, in the body. */
@QuarkusTest
class LeadSearchTest {

  private static JsonPath search(Map<String, ?> filters) {
    return Leads.search(as(As.ANALYST), filters).then().statusCode(200).extract().jsonPath();
  }

  private static List<String> ids(Map<String, ?> filters) {
    return search(filters).getList("data.id");
  }

  private static String leadWithEmail(String email) {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), null);
    body.put("contact", Map.of("email", email));
    return Leads.handOff(body);
  }

  @Test
  void emailSearchIgnoresCaseAndSurroundingSpaces() {
    String local = "Mixed.Case-" + UUID.randomUUID();
    String id = leadWithEmail(local + "@Example.COM");

    assertEquals(List.of(id), ids(Map.of("email", local.toLowerCase() + "@example.com")));
    assertEquals(List.of(id), ids(Map.of("email", "  " + local.toUpperCase() + "@EXAMPLE.COM ")));
    assertEquals(
        List.of(local + "@Example.COM"),
        search(Map.of("email", local + "@example.com")).getList("data.contact.email"));
    assertEquals(List.of(), ids(Map.of("email", "other-" + local + "@example.com")));
  }

  @Test
  void emailSearchMatchesAddressesWithAPlus() {
    String email = "ada+tag-" + UUID.randomUUID() + "@example.com";
    String id = leadWithEmail(email);
    assertEquals(List.of(id), ids(Map.of("email", email)));
  }

  @Test
  void ownerSearchFindsTheLeadsSalesAccepted() {
    String owner = "rep-" + UUID.randomUUID() + "@acme.com";
    String accepted = Leads.leadIn("QUALIFIED");
    String other = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), accepted, "accept", Map.of("owner", owner)).then().statusCode(200);
    Leads.move(as(As.SALES), other, "accept", Map.of("owner", owner + ".other"))
        .then()
        .statusCode(200);

    JsonPath page = search(Map.of("owner", owner, "status", "ACCEPTED"));
    assertEquals(List.of(accepted), page.getList("data.id"));
    assertEquals(List.of(owner), page.getList("data.owner"));
  }

  @Test
  void searchAnswersWhatTheListAnswersAndPagesTheSameWay() {
    String source = Leads.uniqueSource();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(Leads.handOff(Leads.body(source, i % 2 == 0 ? "QUALIFIED" : null)));
    }
    JsonPath listed =
        as(As.ANALYST)
            .queryParam("source", source)
            .get(LEADS)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath found = search(Map.of("source", source));
    assertEquals(listed.getList("data"), found.getList("data"));
    assertNull(found.get("nextCursor"));

    List<String> seen = new ArrayList<>();
    Map<String, Object> filters = new HashMap<>(Map.of("source", source, "limit", 2));
    for (int pages = 0; pages < 5; pages++) {
      JsonPath page = search(filters);
      seen.addAll(page.getList("data.id"));
      String next = page.getString("nextCursor");
      if (next == null) {
        break;
      }
      filters.put("cursor", next);
    }
    assertEquals(created, seen);

    // A cursor of the list goes on in the search, and the other way round.
    String listCursor =
        as(As.ANALYST)
            .queryParam("source", source)
            .queryParam("limit", 3)
            .get(LEADS)
            .then()
            .extract()
            .path("nextCursor");
    assertEquals(
        created.subList(3, 5), ids(Map.of("source", source, "cursor", listCursor, "limit", 3)));

    assertEquals(
        List.of(created.get(0), created.get(2), created.get(4)),
        ids(Map.of("source", source, "status", "QUALIFIED", "slaState", "PENDING")));
    String updatedAt = Leads.get(created.get(4)).then().extract().path("updatedAt");
    assertEquals(List.of(created.get(4)), ids(Map.of("source", source, "updatedSince", updatedAt)));
  }

  @Test
  void aSearchIsAReadThatNeedsNoIdempotencyKey() {
    String email = Leads.uniqueEmail();
    String id = leadWithEmail(email);
    for (int i = 0; i < 2; i++) {
      Response answer = Leads.search(as(As.MARKETING), Map.of("email", email));
      answer.then().statusCode(200).body("data.id", equalTo(List.of(id)));
      assertNull(answer.getHeader("Idempotent-Replayed"));
    }
    // A lead changed between two identical searches shows in the second: nothing is replayed.
    Leads.move(as(As.MARKETING), id, "qualify", Map.of()).then().statusCode(200);
    Leads.search(as(As.MARKETING), Map.of("email", email))
        .then()
        .statusCode(200)
        .body("data.status", equalTo(List.of("QUALIFIED")));
  }

  @Test
  void noBodyOrAnEmptyOneFindsEveryLead() throws Exception {
    Leads.handOff(Leads.body(Leads.uniqueSource(), null));
    JsonPath empty =
        as(As.ANALYST).body("{}").post(SEARCH).then().statusCode(200).extract().jsonPath();
    int found = empty.getList("data").size();
    assertTrue(found >= 1 && found <= 50, empty.prettify());

    // As curl -X POST sends it: no body, no Content-Type.
    HttpRequest bare =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + SEARCH))
            .header("Authorization", "Bearer " + Api.key(As.ANALYST))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(bare, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(empty.getList("data.id"), JsonPath.from(answer.body()).getList("data.id"));
  }

  @Test
  void invalidMembersAreAllNamedAtOnce() {
    Leads.search(
            as(As.ANALYST),
            Map.of(
                "status", "WON",
                "updatedSince", "yesterday",
                "limit", 0,
                "emailAddress", "ada@example.com"))
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body(
            "errors.field", containsInAnyOrder("status", "updatedSince", "limit", "emailAddress"));
    for (String bad : List.of("not-a-cursor", "bm9wZQ")) {
      Leads.search(as(As.ANALYST), Map.of("cursor", bad))
          .then()
          .statusCode(400)
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("cursor")));
    }
    Leads.search(as(As.ANALYST), Map.of("limit", 201))
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("limit")));
  }

  @Test
  void everyRoleMaySearch() {
    String email = Leads.uniqueEmail();
    String id = leadWithEmail(email);
    for (As role : As.values()) {
      Leads.search(as(role), Map.of("email", email))
          .then()
          .statusCode(200)
          .body("data.id", equalTo(List.of(id)))
          .body("nextCursor", nullValue());
    }
  }

  @Test
  void aCursorCarriesNoPersonalData() {
    String source = Leads.uniqueSource();
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Map<String, Object> body = Leads.body(source, null);
      emails.add(((Map<?, ?>) body.get("contact")).get("email").toString());
      Leads.handOff(body);
    }
    String cursor = search(Map.of("source", source, "limit", 1)).getString("nextCursor");
    assertNotNull(cursor);
    String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    assertFalse(decoded.contains("@"), decoded);
    for (String email : emails) {
      assertFalse(decoded.contains(email.substring(0, email.indexOf('@'))), decoded);
    }
  }
}
