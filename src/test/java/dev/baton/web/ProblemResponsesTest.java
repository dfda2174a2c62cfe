package dev.baton.web;

import static dev.baton.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every error Baton answers, including the framework's own, is RFC 9457 problem+json. */
@QuarkusTest
class ProblemResponsesTest {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final int ONE_MIB = 1024 * 1024;

  /** What must never reach a client: stack frames, exception classes, framework packages, SQL. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|Error:|\\tat |\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|javax\\.|io\\.quarkus"
              + "|io\\.vertx|io\\.netty|org\\.jboss|org\\.hibernate|org\\.postgresql|com\\.fasterxml"
              + "|dev\\.baton|SQLState|PSQL|SELECT |INSERT |Caused by");

  private static final ObjectMapper JSON = new ObjectMapper();

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

  @Test
  void bodyOverOneMebibyteWithContentLengthIsPayloadTooLarge() throws Exception {
    byte[] body = leadWithPadding(ONE_MIB + 1);
    assertEquals(ONE_MIB + 1, body.length);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/leads"))
                .header("Authorization", "Bearer " + Api.key(As.MARKETING))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertRawProblem(response, 413, "payload-too-large");
  }

  @Test
  void announcedLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
    // The client announces a 100 MB body but sends only its beginning: Baton must answer at once.
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/leads HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Authorization: Bearer "
                  + Api.key(As.MARKETING)
                  + "\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: 100000000\r\n"
                  + "\r\n"
                  + "{\"contact\": {")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = readResponse(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(
          answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: " + PROBLEM_JSON),
          answer);
      assertTrue(answer.contains("\"type\":\"urn:baton:problem:payload-too-large\""), answer);
      assertNoInternals(answer.substring(answer.indexOf("\r\n\r\n")));
    }
  }

  @Test
  void chunkedBodyOverOneMebibyteIsPayloadTooLarge() throws Exception {
    byte[] body = leadWithPadding(2 * ONE_MIB);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/leads"))
                .header("Authorization", "Bearer " + Api.key(As.MARKETING))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> (InputStream) new ByteArrayInputStream(body)))
                .build());
    assertRawProblem(response, 413, "payload-too-large");
  }

  @Test
  void chunkedBodyJustOverOneMebibyteIsPayloadTooLarge() throws Exception {
    byte[] body = leadWithPadding(ONE_MIB + 1);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/leads"))
                .header("Authorization", "Bearer " + Api.key(As.MARKETING))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> (InputStream) new ByteArrayInputStream(body)))
                .build());
    assertRawProblem(response, 413, "payload-too-large");
  }

  @Test
  void bodyOfExactlyOneMebibyteIsAccepted() throws Exception {
    byte[] body = leadWithPadding(ONE_MIB);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/leads"))
                .header("Authorization", "Bearer " + Api.key(As.MARKETING))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertEquals(201, response.statusCode(), response.body());
  }

  @Test
  void chunkedBodyUnderTheLimitIsAccepted() throws Exception {
    byte[] body = leadWithPadding(ONE_MIB - 1024);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/leads"))
                .header("Authorization", "Bearer " + Api.key(As.MARKETING))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> (InputStream) new ByteArrayInputStream(body)))
                .build());
    assertEquals(201, response.statusCode(), response.body());
  }

  @Test
  void oversizedPatchIsPayloadTooLarge() throws Exception {
    String id = Api.handOff("GENERATED");
    String padding = "x".repeat(ONE_MIB + 10);
    byte[] body =
        ("{\"attributes\": {\"pad\": \"" + padding + "\"}}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/leads/" + id))
                .header("Authorization", "Bearer " + Api.key(As.MARKETING))
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertRawProblem(response, 413, "payload-too-large");
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

  /** Asserts a problem+json answer of that status and type, free of internals. */
  private static void assertProblem(Response response, int status, String slug) {
    assertEquals(status, response.statusCode(), () -> "body: " + response.asString());
    assertProblemShape(response, status);
    response.then().body("type", equalTo("urn:baton:problem:" + slug));
  }

  private static void assertProblemShape(Response response, int status) {
    response
        .then()
        .contentType(startsWith(PROBLEM_JSON))
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("type", startsWith("urn:baton:problem:"));
    assertNoInternals(response.asString());
  }

  private static void assertRawProblem(HttpResponse<String> response, int status, String slug)
      throws Exception {
    assertEquals(status, response.statusCode(), () -> "body: " + response.body());
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(contentType.startsWith(PROBLEM_JSON), "Content-Type was " + contentType);
    JsonNode problem = JSON.readTree(response.body());
    assertEquals("urn:baton:problem:" + slug, problem.path("type").asText());
    assertEquals(status, problem.path("status").asInt());
    assertFalse(problem.path("title").asText().isEmpty());
    assertFalse(problem.path("detail").asText().isEmpty());
    assertNoInternals(response.body());
  }

  private static void assertNoInternals(String body) {
    assertFalse(
        INTERNALS.matcher(body).find(), "a problem must not leak internals, but was: " + body);
  }

  private static String validLeadJson() {
    return "{\"contact\": {\"email\": \"lead-"
        + UUID.randomUUID()
        + "@example.com\"}, \"attribution\": {\"source\": \"webinar\"}}";
  }

  /** A valid lead whose attributes carry padding, exactly {@code size} bytes long. */
  private static byte[] leadWithPadding(int size) {
    String head =
        "{\"contact\": {\"email\": \"big-"
            + UUID.randomUUID()
            + "@example.com\"}, \"attribution\": {\"source\": \"webinar\"},"
            + " \"attributes\": {\"pad\": \"";
    String tail = "\"}}";
    String json = head + "x".repeat(size - head.length() - tail.length()) + tail;
    return json.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one HTTP/1.1 response (headers and a Content-Length body), or what came in 10 s. */
  private static String readResponse(InputStream in) throws java.io.IOException {
    java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        read.write(buffer, 0, n);
        String sofar = read.toString(StandardCharsets.UTF_8);
        int end = sofar.indexOf("\r\n\r\n");
        if (end >= 0) {
          java.util.regex.Matcher length =
              Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(sofar.substring(0, end));
          if (length.find() && read.size() - end - 4 >= Integer.parseInt(length.group(1))) {
            break;
          }
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      // answer with what came
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + RestAssured.port + path);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
