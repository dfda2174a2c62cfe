package dev.baton.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Java's HttpClient (the generated "native" Java client) asks a plain-HTTP server to upgrade to
 * HTTP/2; a proxy that passes the upgrade on then hangs on the answer. Baton stays on HTTP/1.1.
 */
@QuarkusTest
class Http11Test {

  @Test
  void anUpgradeToHttp2IsDeclinedAndTheRequestAnswered() throws Exception {
    // A request without a key: 401. (The management interface, reached by probes and Prometheus
    // without a proxy in between, keeps Quarkus' defaults.)
    assertHttp11("http://localhost:" + RestAssured.port + "/api/v1/leads", 401);
  }

  private static void assertHttp11(String url, int status) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode(), url);
    assertEquals(HttpClient.Version.HTTP_1_1, response.version(), url);
  }
}
