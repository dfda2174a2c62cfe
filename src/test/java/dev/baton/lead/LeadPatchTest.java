package dev.baton.lead;

import static dev.baton.lead.LeadPatchScenes.MERGE_PATCH;
import static dev.baton.lead.LeadPatchScenes.patch;
import static dev.baton.lead.LeadPatchScenes.richLead;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** PATCH of a lead: the If-Match precondition, the content types taken and who may patch. */
@QuarkusTest
class LeadPatchTest {

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
}
