package dev.baton.lead;

import static dev.baton.lead.LeadPatchScenes.MERGE_PATCH;
import static dev.baton.lead.LeadPatchScenes.patch;
import static dev.baton.lead.LeadPatchScenes.richLead;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lead's version and history under patches: no change records nothing, a change an update. */
@QuarkusTest
class LeadPatchHistoryTest {

  @Test
  void aPatchThatChangesNothingLeavesVersionAndHistoryAlone() {
    String id = richLead();
    JsonPath before = Leads.get(id).then().extract().jsonPath();
    patch(
            id,
            "\"1\"",
            "{\"contact\":{\"firstName\":\"Ada\"},\"segment\":\"mid-market\","
                + "\"attributes\":{\"plan\":{\"tier\":\"gold\"}},\"company\":{\"country\":\"GB\"}}")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("version", equalTo(1))
        .body("updatedAt", equalTo(before.getString("updatedAt")));
    patch(id, "\"1\"", "{}").then().statusCode(200).header("ETag", "\"1\"");
    assertEquals(List.of("lead.created"), Leads.historyTypes(id));
  }

  @Test
  void aPatchThatChangesNothingOnALeadWithDecimalAttributesLeavesVersionAlone() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), null);
    body.put("attributes", Map.of("budget", 1.5, "segment", "x"));
    String id = Leads.handOff(body);
    patch(id, "\"1\"", "{}")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("version", equalTo(1));
    patch(id, "\"1\"", "{\"attributes\":{\"budget\":1.5}}")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("version", equalTo(1));
    assertEquals(List.of("lead.created"), Leads.historyTypes(id));
  }

  /** Applies a patch that should change nothing to a lead without company nor attributes. */
  private static void assertNoOp(String patch) {
    String id = Leads.handOff(Leads.body(Leads.uniqueSource(), null));
    JsonPath before = Leads.get(id).then().extract().jsonPath();
    patch(id, "\"1\"", patch).then().statusCode(200).header("ETag", "\"1\"");
    JsonPath after = Leads.get(id).then().extract().jsonPath();
    assertEquals(before.getMap(""), after.getMap(""), patch + " leaves the lead as it was");
    assertEquals(List.of("lead.created"), Leads.historyTypes(id), patch + " records nothing");
  }

  @Test
  void removingAbsentAttributesChangesNothing() {
    assertNoOp("{\"attributes\":null}");
  }

  @Test
  void mergingAnEmptyCompanyIntoNoCompanyChangesNothing() {
    assertNoOp("{\"company\":{}}");
  }

  @Test
  void removingAFieldOfAnAbsentCompanyChangesNothing() {
    assertNoOp("{\"company\":{\"name\":null}}");
  }

  @Test
  void removingAnAbsentFieldChangesNothing() {
    assertNoOp("{\"contact\":{\"phone\":null},\"consent\":null}");
  }

  @Test
  void historyRecordsAnUpdateListingTheChangedFields() {
    String id = richLead();
    Leads.Key key = Leads.newKey("SALES");
    key.spec()
        .contentType(MERGE_PATCH)
        .header("If-Match", "\"1\"")
        .body(
            "{\"contact\":{\"lastName\":\"Lovelace\",\"phone\":null},"
                + "\"attribution\":{\"campaign\":\"q1\"},\"segment\":\"smb\","
                + "\"attributes\":{\"plan\":{\"seats\":3}}}")
        .patch(LEADS + "/" + id)
        .then()
        .statusCode(200);

    JsonPath history = Leads.history(id).then().statusCode(200).extract().jsonPath();
    assertEquals(List.of("lead.created", "lead.updated"), history.getList("data.type"));
    assertEquals(2, history.getInt("data[1].leadVersion"));
    assertEquals(id, history.getString("data[1].leadId"));
    assertEquals(key.name(), history.getString("data[1].actor.name"));
    assertEquals("SALES", history.getString("data[1].actor.role"));
    assertThat(
        history.getList("data[1].data.changed"),
        containsInAnyOrder(
            "contact.lastName", "contact.phone", "attribution.campaign", "segment", "attributes"));
    assertNull(history.get("data[1].fromStatus"));
    assertNull(history.get("data[1].toStatus"));
  }
}
