package dev.baton.lead;

import static dev.baton.lead.LeadListQueries.ids;
import static dev.baton.lead.LeadListQueries.leadWith;
import static dev.baton.lead.LeadListQueries.list;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Listing leads by filter (source, status, campaign, segment, updatedSince) and by any role. */
@QuarkusTest
class LeadListFilterTest {

  @Test
  void sourceFilterAnswersOnlyThatSource() {
    String source = Leads.uniqueSource();
    String a = leadWith(source, "c", "s", null);
    String b = leadWith(source, "c", "s", "QUALIFIED");
    leadWith(Leads.uniqueSource(), "c", "s", null);

    JsonPath page = list(Map.of("source", source));
    assertEquals(List.of(a, b), page.getList("data.id"));
    assertEquals(List.of(source, source), page.getList("data.attribution.source"));
    assertNull(page.get("nextCursor"));
  }

  @Test
  void statusFilterCombinesWithTheOthers() {
    String source = Leads.uniqueSource();
    leadWith(source, "c", "s", "GENERATED");
    String qualified = leadWith(source, "c", "s", "QUALIFIED");

    JsonPath page = list(Map.of("source", source, "status", "QUALIFIED"));
    assertEquals(List.of(qualified), page.getList("data.id"));
    assertEquals(List.of("QUALIFIED"), page.getList("data.status"));
  }

  @Test
  void campaignFilterIsExact() {
    String source = Leads.uniqueSource();
    String campaign = "camp-" + UUID.randomUUID();
    String mine = leadWith(source, campaign, "s", null);
    leadWith(source, campaign + "-other", "s", null);
    leadWith(Leads.uniqueSource(), campaign.toUpperCase(), "s", null);

    assertEquals(List.of(mine), ids(Map.of("campaign", campaign)));
  }

  @Test
  void segmentFilterIsExact() {
    String source = Leads.uniqueSource();
    String segment = "seg-" + UUID.randomUUID();
    String first = leadWith(source, "c", segment, null);
    leadWith(source, "c", "other", null);
    String second = leadWith(Leads.uniqueSource(), "c", segment, null);

    JsonPath page = list(Map.of("segment", segment));
    assertEquals(List.of(first, second), page.getList("data.id"));
    assertEquals(List.of(segment, segment), page.getList("data.segment"));
  }

  @Test
  void updatedSinceAnswersLeadsChangedAtOrAfterThatTime() {
    String source = Leads.uniqueSource();
    String older = leadWith(source, "c", "s", null);
    String newer = leadWith(source, "c", "s", null);
    String newerUpdatedAt = Leads.get(newer).then().extract().path("updatedAt");

    // At or after: the newer lead's own time includes it, and excludes the older one.
    assertEquals(List.of(newer), ids(Map.of("source", source, "updatedSince", newerUpdatedAt)));

    // Editing the older lead brings it back in.
    Leads.move(as(As.MARKETING), older, "qualify", Map.of()).then().statusCode(200);
    List<String> both = ids(Map.of("source", source, "updatedSince", newerUpdatedAt));
    assertEquals(List.of(older, newer), both, "oldest first by creation");

    assertEquals(List.of(), ids(Map.of("source", source, "updatedSince", "2999-01-01T00:00:00Z")));
    assertEquals(
        List.of(older, newer),
        ids(Map.of("source", source, "updatedSince", "2000-01-01T00:00:00Z")));
  }

  @Test
  void everyRoleMayList() {
    String source = Leads.uniqueSource();
    String id = leadWith(source, "c", "s", null);
    for (As role : As.values()) {
      as(role)
          .queryParam("source", source)
          .get(LEADS)
          .then()
          .statusCode(200)
          .body("data.id", equalTo(List.of(id)))
          .body("nextCursor", nullValue());
    }
  }

  @Test
  void listedLeadsAreTheFullLeads() {
    String source = Leads.uniqueSource();
    String id = leadWith(source, "c", "s", "QUALIFIED");
    JsonPath one = Leads.get(id).then().extract().jsonPath();
    JsonPath page = list(Map.of("source", source));
    assertEquals(one.getMap(""), page.getMap("data[0]"));
    assertEquals(List.of(id), page.getList("data.id"));
  }

  /**
   * A lead's external ids come in the order of their systems' names whichever way it is read: the
   * handoff's answer (in the order given), a lead (Hibernate), a page of the list and a move (SQL).
   */
  @Test
  void externalIdsAreInTheOrderOfTheirSystemsWhereverTheLeadIsRead() {
    String source = Leads.uniqueSource();
    Map<String, Object> body = Leads.body(source, null);
    body.put(
        "externalRefs",
        List.of(
            Map.of("system", "zoho", "id", "z-1"),
            Map.of("system", "hubspot", "id", "h-1"),
            Map.of("system", "pipedrive", "id", "p-1")));
    List<String> sorted = List.of("hubspot", "pipedrive", "zoho");
    String id =
        as(As.MARKETING)
            .body(body)
            .post(LEADS)
            .then()
            .statusCode(201)
            .body("externalRefs.system", equalTo(sorted))
            .extract()
            .path("id");
    Leads.get(id).then().body("externalRefs.system", equalTo(sorted));
    assertEquals(sorted, list(Map.of("source", source)).getList("data[0].externalRefs.system"));
    Leads.move(as(As.ADMIN), id, "qualify", Map.of())
        .then()
        .statusCode(200)
        .body("externalRefs.system", equalTo(sorted));
  }
}
