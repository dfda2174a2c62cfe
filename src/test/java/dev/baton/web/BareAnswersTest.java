package dev.baton.web;

import static dev.baton.web.RawHttp.read;
import static dev.baton.web.RawHttp.send;
import static dev.baton.web.RawHttp.socket;
import static dev.baton.web.RawHttp.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.web.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.Socket;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the HTTP layer used to refuse on its own — bare, without a body or a request id — is
 * answered as problem+json with an X-Request-Id. Requests are written raw on a socket, exactly as a
 * careless or hostile client sends them: an HTTP client would fix or refuse them first.
 */
@QuarkusTest
class BareAnswersTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  static Stream<Arguments> refusedHeads() {
    return Stream.of(
        refused("percent sign without digits in the query", get("/api/v1/leads?cursor=%%%"), 400),
        refused("malformed percent-encoding in a health check", get("/q/health/ready?x=%%"), 400),
        refused("malformed percent-encoding in the path", get("/api/v1/le%zzads"), 400),
        refused("truncated percent-encoding", get("/api/v1/leads?email=a%2"), 400),
        refused("control character in the path", get("/api/v1/le\u0001ads"), 400),
        refused("quote in the path", get("/api/v1/leads/\"x\""), 400),
        refused("5 KiB request target", get("/api/v1/leads?email=" + "a".repeat(5 * 1024)), 414),
        refused("100 KiB request target", get("/api/v1/leads?q=" + "a".repeat(100 * 1024)), 414),
        refused(
            "64 KiB header",
            "GET /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(64 * 1024)
                + "\r\n\r\n",
            431),
        refused(
            "5000 headers",
            "GET /api/v1/leads HTTP/1.1\r\nHost: localhost\r\n" + manyHeaders(5000) + "\r\n",
            431),
        refused("no Host", "GET /api/v1/leads HTTP/1.1\r\n\r\n", 400),
        refused("Host that is no host", "GET /api/v1/leads HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
        refused(
            "path without a leading slash", "GET api/v1/leads HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        refused("asterisk form", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        refused("unknown HTTP version", "GET /api/v1/leads HTTP/9.9\r\nHost: x\r\n\r\n", 505),
        refused("unknown protocol", "GET /api/v1/leads FOO/1.1\r\nHost: x\r\n\r\n", 505),
        // The management interface (/q/...), a server of its own, answers the same way.
        refused("management: malformed path", get("/q/health/re%zzady"), 400),
        refused(
            "management: 5 KiB request target", get("/q/metrics?x=" + "a".repeat(5 * 1024)), 414),
        refused(
            "management: 64 KiB header",
            "GET /q/metrics HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(64 * 1024)
                + "\r\n\r\n",
            431),
        refused("management: no Host", "GET /q/health/live HTTP/1.1\r\n\r\n", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedHeads")
  void refusedHeadIsAProblemWithARequestId(String request, int status) throws IOException {
    Answer answer = send(request);
    assertEquals(status, answer.status(), answer.toString());
    assertEquals(PROBLEM_JSON, answer.header("content-type"), answer.toString());
    String id = answer.header("x-request-id");
    assertTrue(id != null && !id.isBlank(), answer.toString());
    JsonPath problem = JsonPath.from(answer.body());
    assertEquals(status, problem.getInt("status"), answer.body());
    assertTrue(problem.getString("type").startsWith("urn:baton:problem:"), answer.body());
    assertTrue(!problem.getString("title").isBlank(), answer.body());
    assertTrue(!problem.getString("detail").isBlank(), answer.body());
    assertEquals(id, problem.getString("requestId"), answer.body());
    // What follows a refused head is not read: the connection ends with the answer.
    assertEquals("close", answer.header("connection"), answer.toString());
    assertTrue(answer.closed(), answer.toString());
  }

  @Test
  void eachRefusalNamesItsKind() throws IOException {
    assertEquals("urn:baton:problem:bad-request", type(send(get("/api/v1/leads?cursor=%%%"))));
    assertEquals(
        "urn:baton:problem:uri-too-long", type(send(get("/api/v1/leads?q=" + "a".repeat(5000)))));
    assertEquals(
        "urn:baton:problem:header-fields-too-large",
        type(
            send(
                "GET /api/v1/leads HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(30_000)
                    + "\r\n\r\n")));
    assertEquals(
        "urn:baton:problem:http-version-not-supported",
        type(send("GET /api/v1/leads HTTP/2.5\r\nHost: x\r\n\r\n")));
  }

  @Test
  void theCallersRequestIdIsKeptOnARefusal() throws IOException {
    Answer answer =
        send("GET /api/v1/leads?cursor=%%% HTTP/1.1\r\nHost: x\r\nX-Request-Id: trace-42\r\n\r\n");
    assertEquals(400, answer.status(), answer.toString());
    assertEquals("trace-42", answer.header("x-request-id"));
    assertEquals("trace-42", JsonPath.from(answer.body()).getString("requestId"));
  }

  @Test
  void requestsWithinTheLimitsAreServed() throws IOException {
    String target = "/q/health/live?pad=" + "a".repeat(4000);
    Answer answer =
        send(
            "GET "
                + target
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: "
                + "b".repeat(19_000)
                + "\r\n\r\n");
    assertEquals(200, answer.status(), answer.toString());
    Answer encoded = send(get("/q/health/live?x=%41%e2%82%ac"));
    assertEquals(200, encoded.status(), encoded.toString());
  }

  @Test
  void aMalformedPathIsRefusedAlsoAfterAGoodRequestOnTheSameConnection() throws IOException {
    try (Socket socket = socket()) {
      write(socket, get("/api/v1/leads").replace("\r\n\r\n", "\r\nConnection: keep-alive\r\n\r\n"));
      Answer first = read(socket.getInputStream());
      assertEquals(401, first.status(), first.toString());
      write(socket, get("/api/v1/le%zzads"));
      Answer second = read(socket.getInputStream());
      assertEquals(400, second.status(), second.toString());
      assertEquals(PROBLEM_JSON, second.header("content-type"));
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static Arguments refused(String name, String request, int status) {
    return Arguments.of(Named.of(name, request), status);
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  private static String manyHeaders(int count) {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < count; i++) {
      headers.append("X-H").append(i).append(": v\r\n");
    }
    return headers.toString();
  }

  private static String type(Answer answer) {
    return JsonPath.from(answer.body()).getString("type");
  }
}
