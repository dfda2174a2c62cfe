package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadPatchTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  private static Response patch(String id, String ifMatch, String json) {
    var request = as(As.MARKETING).contentType(MERGE_PATCH).body(json);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.patch(LEADS + "/" + id);
  }

  /** A lead with every editable part filled, to patch. */
  private static String richLead() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), null);
    body.put(
        "contact",
        Map.of(
            "email", Leads.uniqueEmail(),
            "firstName", "Ada",
            "lastName", "Byron",
            "phone", "+44 20 7946 0958",
            "jobTitle", "Analyst"));
    body.put("company", Map.of("name", "Engines Ltd", "country", "GB", "size", "11-50"));
    body.put(
        "attribution",
        Map.of("source", Leads.uniqueSource(), "campaign", "q4", "utmSource", "newsletter"));
    body.put("consent", Map.of("granted", true, "source", "form"));
    body.put(
        "attributes",
        Map.of("plan", Map.of("tier", "gold", "seats", 12), "locale", "en-GB", "legacy", "x"));
    return Leads.handOff(body);
  }

  @Test
  void patchWithoutIfMatchIsPreconditionRequired() {
    String id = richLead();
    patch(id, null, "{\"segment\":\"smb\"}")
        .then()
        .statusCode(428)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:precondition-required"))
        .body("status", equalTo(428))
        .body("detail", notNullValue());
    Leads.get(id).then().body("segment", equalTo("mid-market")).body("version", equalTo(1));
  }

  @Test
  void patchWithAStaleETagIsPreconditionFailedAndNamesTheCurrentVersion() {
    String id = richLead();
    patch(id, "\"1\"", "{\"segment\":\"smb\"}").then().statusCode(200);

    patch(id, "\"1\"", "{\"segment\":\"enterprise\"}")
        .then()
        .statusCode(412)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:precondition-failed"))
        .body("status", equalTo(412))
        .body("currentVersion", equalTo(2));
    Leads.get(id).then().body("segment", equalTo("smb")).header("ETag", "\"2\"");
  }

  @Test
  void patchWithTheCurrentETagAnswersTheLeadWithItsNewVersion() {
    String id = richLead();
    patch(id, "\"1\"", "{\"segment\":\"smb\"}")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("id", equalTo(id))
        .body("version", equalTo(2))
        .body("segment", equalTo("smb"))
        .body("status", equalTo("GENERATED"));
    patch(id, "\"2\"", "{\"segment\":\"enterprise\"}")
        .then()
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("version", equalTo(3));
    Leads.get(id)
        .then()
        .header("ETag", "\"3\"")
        .body("version", equalTo(3))
        .body("segment", equalTo("enterprise"));
  }

  @Test
  void patchAsPlainJsonIsAcceptedToo() {
    String id = richLead();
    as(As.SALES)
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body("{\"contact\":{\"jobTitle\":\"CTO\"}}")
        .patch(LEADS + "/" + id)
        .then()
        .statusCode(200)
        .body("contact.jobTitle", equalTo("CTO"))
        .body("version", equalTo(2));
  }

  @Test
  void analystsMayNotPatch() {
    String id = richLead();
    as(As.ANALYST)
        .contentType(MERGE_PATCH)
        .header("If-Match", "\"1\"")
        .body("{\"segment\":\"smb\"}")
        .patch(LEADS + "/" + id)
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:baton:problem:forbidden"));
  }

  @Test
  void nestedObjectsMergeAndNullRemovesAField() {
    String id = richLead();
    JsonPath before = Leads.get(id).then().extract().jsonPath();
    patch(id, "\"1\"", "{\"contact\":{\"lastName\":\"Lovelace\",\"phone\":null}}")
        .then()
        .statusCode(200)
        .body("contact.lastName", equalTo("Lovelace"))
        .body("contact.phone", nullValue())
        .body("contact.firstName", equalTo("Ada"))
        .body("contact.email", equalTo(before.getString("contact.email")))
        .body("contact.jobTitle", equalTo("Analyst"))
        .body("company.name", equalTo("Engines Ltd"))
        .body("attribution.source", equalTo(before.getString("attribution.source")))
        .body("attribution.utmSource", equalTo("newsletter"))
        .body("segment", equalTo("mid-market"));
    Leads.get(id)
        .then()
        .body("contact.lastName", equalTo("Lovelace"))
        .body("contact", not(hasKey("phone")));
  }

  @Test
  void nullRemovesAWholeObjectAndATopLevelValue() {
    String id = richLead();
    patch(id, "\"1\"", "{\"company\":null,\"segment\":null,\"consent\":null}")
        .then()
        .statusCode(200)
        .body("company", nullValue())
        .body("segment", nullValue())
        .body("consent", nullValue())
        .body("contact.firstName", equalTo("Ada"));
    Leads.get(id).then().body("company", nullValue()).body("segment", nullValue());
  }

  @Test
  void removeListsTheValuesToRemoveForClientsThatCannotSendNull() {
    String id = richLead();
    patch(
            id,
            "\"1\"",
            "{\"contact\":{\"lastName\":\"Lovelace\"},"
                + "\"remove\":[\"contact.phone\",\"segment\",\"company\",\"attributes.legacy\"]}")
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("contact.lastName", equalTo("Lovelace"))
        .body("contact", not(hasKey("phone")))
        .body("contact.jobTitle", equalTo("Analyst"))
        .body("segment", nullValue())
        .body("company", nullValue())
        .body("attributes", not(hasKey("legacy")))
        .body("attributes.locale", equalTo("en-GB"));
  }

  @Test
  void removeNamesOnlyPatchableMembers() {
    String id = richLead();
    patch(id, "\"1\"", "{\"remove\":[\"segment\",\"status\",\"contact.phone.x\"]}")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("remove[1]", "remove[2]")));
    patch(id, "\"1\"", "{\"remove\":[\"contact.email\"]}")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contact.email"));
    Leads.get(id).then().body("version", equalTo(1)).body("segment", equalTo("mid-market"));
  }

  @Test
  void attributesMergeRecursively() {
    String id = richLead();
    patch(
            id,
            "\"1\"",
            "{\"attributes\":{\"plan\":{\"seats\":20,\"trial\":true},\"legacy\":null,\"new\":\"n\"}}")
        .then()
        .statusCode(200)
        .body("attributes.plan.tier", equalTo("gold"))
        .body("attributes.plan.seats", equalTo(20))
        .body("attributes.plan.trial", equalTo(true))
        .body("attributes.locale", equalTo("en-GB"))
        .body("attributes.new", equalTo("n"))
        .body("attributes", not(hasKey("legacy")));
    Leads.get(id)
        .then()
        .body("attributes.plan.tier", equalTo("gold"))
        .body("attributes.plan.seats", equalTo(20))
        .body("attributes", not(hasKey("legacy")));
  }

  @Test
  void statusOwnerAndScoreCannotBePatched() {
    String id = richLead();
    patch(id, "\"1\"", "{\"status\":\"ACCEPTED\",\"owner\":\"me@acme.com\",\"score\":99}")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", containsInAnyOrder("status", "owner", "score"));
    Leads.get(id)
        .then()
        .body("status", equalTo("GENERATED"))
        .body("owner", nullValue())
        .body("version", equalTo(1));
  }

  @Test
  void readOnlyAndUnknownPropertiesCannotBePatched() {
    String id = richLead();
    patch(id, "\"1\"", "{\"version\":7,\"id\":\"x\",\"nickname\":\"Ada\"}")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("version", "id", "nickname"));
    patch(id, "\"1\"", "{\"contact\":{\"nickname\":\"Ada\"}}")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("contact.nickname")));
  }

  @Test
  void invalidValuesAreRefusedNamingEachField() {
    String id = richLead();
    patch(
            id,
            "\"1\"",
            "{\"contact\":{\"email\":\"not-an-email\"},"
                + "\"company\":{\"country\":\"Narnia\"},"
                + "\"consent\":{\"granted\":\"yes\"}}")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body(
            "errors.field",
            containsInAnyOrder("contact.email", "company.country", "consent.granted"));
    Leads.get(id).then().body("version", equalTo(1)).body("company.country", equalTo("GB"));
  }

  @Test
  void requiredFieldsCannotBeRemoved() {
    String id = richLead();
    patch(id, "\"1\"", "{\"contact\":{\"email\":null},\"attribution\":{\"source\":null}}")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("contact.email", "attribution.source"));
    patch(id, "\"1\"", "{\"contact\":null}")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem(startsWith("contact")));
  }

  @Test
  void aPatchThatIsNotAnObjectIsRefused() {
    String id = richLead();
    patch(id, "\"1\"", "[1,2]")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", equalTo(List.of("body")));
  }

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
