package dev.baton.web;

import static dev.baton.testing.Api.as;
import static dev.baton.web.Problems.assertProblem;
import static dev.baton.web.Problems.assertProblemShape;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A body that is not one JSON document — malformed, with a key twice, followed by more, or empty —
 * is a 400 problem naming the body, on a handoff as on every other action.
 */
@QuarkusTest
class RequestBodyProblemsTest {

  @Test
  void malformedJsonIsAMalformedJsonProblemNamingTheBody() {
    Response response = as(As.MARKETING).body("{\"contact\": {\"email\": ").post("/api/v1/leads");
    assertProblem(response, 400, "malformed-json");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void malformedJsonInAFunnelActionIsAMalformedJsonProblem() {
    String id = Api.handOff("QUALIFIED");
    Response response =
        as(As.SALES).body("{\"owner\": \"jane\",}").post("/api/v1/leads/" + id + "/accept");
    assertProblem(response, 400, "malformed-json");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void duplicateJsonKeysAreRefusedNamingTheDuplicate() {
    String body =
        """
        {"contact": {"email": "dup@example.com"},
         "attribution": {"source": "webinar"},
         "segment": "smb",
         "segment": "enterprise"}
        """;
    Response response = as(As.MARKETING).body(body).post("/api/v1/leads");
    assertProblem(response, 400, "malformed-json");
    response.then().body("errors.field", hasItem("body")).body("detail", containsString("segment"));
  }

  @Test
  void duplicateJsonKeysInANestedObjectAreRefused() {
    String body =
        """
        {"contact": {"email": "a@example.com", "email": "b@example.com"},
         "attribution": {"source": "webinar"}}
        """;
    Response response = as(As.MARKETING).body(body).post("/api/v1/leads");
    assertProblem(response, 400, "malformed-json");
  }

  @Test
  void secondJsonDocumentAfterTheFirstIsRefused() {
    String body =
        validLeadJson() + " " + validLeadJson(); // two leads glued together: never take the first
    Response response = as(As.MARKETING).body(body).post("/api/v1/leads");
    assertProblem(response, 400, "malformed-json");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void garbageAfterTheJsonDocumentIsRefused() {
    Response response =
        as(As.MARKETING).body(validLeadJson() + " trailing garbage").post("/api/v1/leads");
    assertProblem(response, 400, "malformed-json");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void trailingClosingBraceIsRefused() {
    Response response = as(As.MARKETING).body(validLeadJson() + "}").post("/api/v1/leads");
    assertProblem(response, 400, "malformed-json");
  }

  @Test
  void emptyBodyOnHandOffIsRefusedNamingTheBody() {
    Response response = as(As.MARKETING).post("/api/v1/leads");
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void explicitlyEmptyBodyOnHandOffIsRefusedNamingTheBody() {
    Response response = as(As.MARKETING).body("").post("/api/v1/leads");
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void whitespaceOnlyBodyIsRefusedNamingTheBody() {
    Response response = as(As.MARKETING).body("   \n\t ").post("/api/v1/leads");
    assertEquals(400, response.statusCode(), response.asString());
    assertProblemShape(response, 400);
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void emptyBodyOnAcceptIsRefusedNamingTheBody() {
    String id = Api.handOff("QUALIFIED");
    Response response = as(As.SALES).post("/api/v1/leads/" + id + "/accept");
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void emptyBodyOnRejectIsRefusedNamingTheBody() {
    String id = Api.handOff("QUALIFIED");
    Response response = as(As.SALES).post("/api/v1/leads/" + id + "/reject");
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void emptyBodyOnApiKeyCreationIsRefusedNamingTheBody() {
    Response response = as(As.ADMIN).post("/api/v1/api-keys");
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", hasItem("body"));
  }

  @Test
  void emptyPatchIsRefusedNamingTheBody() {
    String id = Api.handOff("GENERATED");
    Response response =
        as(As.MARKETING)
            .contentType("application/merge-patch+json")
            .header("If-Match", "\"1\"")
            .patch("/api/v1/leads/" + id);
    assertProblem(response, 400, "validation-error");
    response.then().body("errors.field", hasItem("body"));
  }

  private static String validLeadJson() {
    return "{\"contact\": {\"email\": \"lead-"
        + UUID.randomUUID()
        + "@example.com\"}, \"attribution\": {\"source\": \"webinar\"}}";
  }
}
