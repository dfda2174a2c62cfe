package dev.baton.lead;

import static dev.baton.lead.LeadPatchScenes.patch;
import static dev.baton.lead.LeadPatchScenes.richLead;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a merge patch changes a lead: nested objects merge, null and remove take values away. */
@QuarkusTest
class LeadPatchMergeTest {

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
}
