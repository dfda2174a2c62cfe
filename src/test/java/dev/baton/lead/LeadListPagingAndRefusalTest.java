package dev.baton.lead;

import static dev.baton.lead.LeadListQueries.ids;
import static dev.baton.lead.LeadListQueries.leadWith;
import static dev.baton.lead.LeadListQueries.list;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Paging the lead list by cursor and limit, and the list queries it refuses. */
@QuarkusTest
class LeadListPagingAndRefusalTest {

  @Test
  void pagesFollowTheCursorThroughEveryLeadOnceInCreationOrder() {
    String source = Leads.uniqueSource();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(leadWith(source, "c", "s", null));
    }

    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      JsonPath page =
          cursor == null
              ? list(Map.of("source", source, "limit", 3))
              : list(Map.of("source", source, "limit", 3, "cursor", cursor));
      List<String> data = page.getList("data.id");
      seen.addAll(data);
      sizes.add(data.size());
      cursor = page.getString("nextCursor");
      if (cursor == null) {
        break;
      }
    }
    assertEquals(created, seen);
    assertEquals(List.of(3, 3, 1), sizes);
  }

  @Test
  void aFullLastPageHasNoNextCursor() {
    String source = Leads.uniqueSource();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      created.add(leadWith(source, "c", "s", null));
    }
    JsonPath first = list(Map.of("source", source, "limit", 2));
    assertEquals(created.subList(0, 2), first.getList("data.id"));
    assertNotNull(first.getString("nextCursor"));
    JsonPath last =
        list(Map.of("source", source, "limit", 2, "cursor", first.getString("nextCursor")));
    assertEquals(created.subList(2, 4), last.getList("data.id"));
    assertNull(last.get("nextCursor"));
  }

  @Test
  void defaultLimitIsFifty() {
    String source = Leads.uniqueSource();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      created.add(leadWith(source, "c", "s", null));
    }
    JsonPath first = list(Map.of("source", source));
    assertEquals(created.subList(0, 50), first.getList("data.id"));
    assertNotNull(first.getString("nextCursor"));
    JsonPath second = list(Map.of("source", source, "cursor", first.getString("nextCursor")));
    assertEquals(created.subList(50, 51), second.getList("data.id"));
    assertNull(second.get("nextCursor"));
  }

  @Test
  void limitBoundsAreOneAndTwoHundred() {
    String source = Leads.uniqueSource();
    String id = leadWith(source, "c", "s", null);
    assertEquals(List.of(id), ids(Map.of("source", source, "limit", 1)));
    assertEquals(List.of(id), ids(Map.of("source", source, "limit", 200)));
    for (String bad : List.of("0", "201", "-1", "ten", "1.5")) {
      as(As.ANALYST)
          .queryParam("limit", bad)
          .get(LEADS)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("limit")));
    }
  }

  @Test
  void forgedCursorIsRefused() {
    for (String bad : List.of("not-a-cursor", "bm9wZQ", "%%%")) {
      as(As.ANALYST)
          .queryParam("cursor", bad)
          .get(LEADS)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("errors.field", equalTo(List.of("cursor")));
    }
  }

  @Test
  void aForgedCursorOutsideTheTimeRangeIsRefused() {
    String id = UUID.randomUUID().toString();
    for (String raw : List.of("9223372036854775807:0:" + id, "-9223372036854775808:0:" + id)) {
      String cursor =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
      as(As.ANALYST)
          .queryParam("cursor", cursor)
          .get(LEADS)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("cursor")));
    }
  }

  @Test
  void anUpdatedSinceOutsideTheStorableRangeIsRefused() {
    for (String instant : List.of("+300000-01-01T00:00:00Z", "-300000-01-01T00:00:00Z")) {
      as(As.ANALYST)
          .queryParam("updatedSince", instant)
          .get(LEADS)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("updatedSince")));
    }
  }

  @Test
  void emailOrOwnerInTheQueryIsRefusedNamingItAndPointingToSearch() {
    String email = Leads.uniqueEmail();
    as(As.ANALYST)
        .queryParam("email", email)
        .get(LEADS)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("detail", containsString("POST /api/v1/leads/search"))
        .body("detail", not(containsString(email)))
        .body("errors.field", equalTo(List.of("email")))
        .body("errors[0].message", containsString("POST /api/v1/leads/search"));
    as(As.ANALYST)
        .queryParam("owner", "jane.doe@acme.com")
        .queryParam("email", "")
        .queryParam("source", Leads.uniqueSource())
        .get(LEADS)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", containsInAnyOrder("email", "owner"));
  }

  @Test
  void invalidFiltersAreAllNamedAtOnce() {
    as(As.ANALYST)
        .queryParam("status", "WON")
        .queryParam("updatedSince", "yesterday")
        .queryParam("limit", "0")
        .get(LEADS)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", containsInAnyOrder("status", "updatedSince", "limit"))
        .body("errors.message", everyItem(notNullValue()));
  }
}
