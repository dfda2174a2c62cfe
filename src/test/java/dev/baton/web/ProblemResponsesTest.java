package dev.baton.web;

import static dev.baton.testing.Api.as;
import static dev.baton.web.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every error Baton answers, including the framework's own, is RFC 9457 problem+json: unknown
 * routes and ids, methods, media types, authentication, authorization and validation.
 */
@QuarkusTest
class ProblemResponsesTest {

  @Test
  void unknownRouteUnderTheApiIsANotFoundProblem() {
    Response response = as(As.ADMIN).get("/api/v1/no-such-resource");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void unknownRouteOutsideTheApiIsANotFoundProblem() {
    Response response = as(As.ADMIN).get("/no-such-page");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void unsupportedMethodIsAMethodNotAllowedProblem() {
    Response response = as(As.ADMIN).body("{}").put("/api/v1/leads");
    assertProblem(response, 405, "method-not-allowed");
  }

  @Test
  void methodNotAllowedNamesTheAllowedMethodsInAllow() {
    // RFC 9110 section 15.5.6: a 405 response MUST carry an Allow header.
    Response response = as(As.ADMIN).body("{}").put("/api/v1/leads");
    assertEquals(405, response.statusCode(), response.asString());
    String allow = response.header("Allow");
    assertTrue(
        allow != null && allow.contains("GET") && allow.contains("POST"),
        "405 must list the allowed methods, got Allow: " + allow);
  }

  @Test
  void unacceptableMediaTypeIsANotAcceptableProblem() {
    Response response = as(As.ANALYST).accept("text/csv").get("/api/v1/leads");
    assertProblem(response, 406, "not-acceptable");
  }

  @Test
  void textBodyIsAnUnsupportedMediaTypeProblem() {
    Response response =
        given()
            .auth()
            .oauth2(Api.key(As.MARKETING))
            .contentType("text/plain")
            .body("email=ada@example.com")
            .post("/api/v1/leads");
    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void formBodyIsAnUnsupportedMediaTypeProblem() {
    Response response =
        given()
            .auth()
            .oauth2(Api.key(As.MARKETING))
            .contentType("application/x-www-form-urlencoded")
            .body("email=ada%40example.com")
            .post("/api/v1/leads");
    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void leadIdThatIsNotAUuidIsNotFound() {
    Response response = as(As.ANALYST).get("/api/v1/leads/not-a-uuid");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void leadIdThatIsAlmostAUuidIsNotFound() {
    String almost = UUID.randomUUID().toString().substring(1) + "z";
    Response response = as(As.ANALYST).get("/api/v1/leads/" + almost + "/history");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void unknownLeadIdIsNotFound() {
    Response response = as(As.ANALYST).get("/api/v1/leads/" + UUID.randomUUID());
    assertProblem(response, 404, "not-found");
  }

  @Test
  void funnelActionOnAnInvalidIdIsNotFound() {
    Response response =
        as(As.MARKETING).body(Map.of("score", 10)).post("/api/v1/leads/12345/qualify");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void patchOfAnInvalidIdIsNotFound() {
    Response response =
        as(As.MARKETING)
            .contentType("application/merge-patch+json")
            .header("If-Match", "\"1\"")
            .body("{\"segment\": \"smb\"}")
            .patch("/api/v1/leads/%27%3B%20DROP%20TABLE%20lead%3B--");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void apiKeyIdThatIsNotAUuidIsNotFound() {
    assertProblem(as(As.ADMIN).get("/api/v1/api-keys/xyz"), 404, "not-found");
    assertProblem(as(As.ADMIN).delete("/api/v1/api-keys/xyz"), 404, "not-found");
  }

  @Test
  void unknownRejectionReasonIsNotFound() {
    Response response = as(As.ADMIN).post("/api/v1/rejection-reasons/NO_SUCH_CODE/deactivate");
    assertProblem(response, 404, "not-found");
  }

  @Test
  void unauthenticatedRequestIsAnUnauthorizedProblem() {
    Response response = given().get("/api/v1/leads");
    assertProblem(response, 401, "unauthorized");
  }

  @Test
  void forbiddenRequestIsAForbiddenProblem() {
    Response response = as(As.SALES).body(Api.newLead("GENERATED")).post("/api/v1/leads");
    assertProblem(response, 403, "forbidden");
  }

  @Test
  void validationProblemHasEveryMemberOfRfc9457() {
    Response response =
        as(As.MARKETING)
            .body(Map.of("contact", Map.of("email", "nope"), "attribution", Map.of()))
            .post("/api/v1/leads");
    assertProblem(response, 400, "validation-error");
    response
        .then()
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("errors.field", hasItem("contact.email"))
        .body("errors.field", hasItem("attribution.source"))
        .body("errors.message", not(hasItem((Object) null)));
  }
}
