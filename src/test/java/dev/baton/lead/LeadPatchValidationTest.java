package dev.baton.lead;

import static dev.baton.lead.LeadPatchScenes.patch;
import static dev.baton.lead.LeadPatchScenes.richLead;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Patches that are refused, naming each field: fixed, unknown, invalid or required members. */
@QuarkusTest
class LeadPatchValidationTest {

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
}
