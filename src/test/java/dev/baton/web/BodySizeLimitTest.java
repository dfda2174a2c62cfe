package dev.baton.web;

import static dev.baton.web.Problems.PROBLEM_JSON;
import static dev.baton.web.Problems.assertNoInternals;
import static dev.baton.web.Problems.assertRawProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A body over one mebibyte is a 413 problem, whether its length is announced or it comes chunked,
 * and a length announced over the limit is refused before the body is sent; a body of exactly one
 * mebibyte is served.
 */
@QuarkusTest
class BodySizeLimitTest {

  private static final int ONE_MIB = 1024 * 1024;

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
