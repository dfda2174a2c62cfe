package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {

  private static final String SUCCEEDED = "baton_webhook_deliveries_total{outcome=\"succeeded\"}";

  record Received(String id, String timestamp, String signature, String body) {}

  private HttpServer receiver;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("webhook-id"),
                  exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                  exchange.getRequestHeaders().getFirst("webhook-signature"),
                  body));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aSubscribedEventArrivesSignedWithTheSecretShownAtCreation() throws Exception {
    double succeeded = Scrape.value(SUCCEEDED);
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    JsonPath created =
        as(As.MARKETING)
            .body(Map.of("url", url, "eventTypes", List.of("lead.qualified")))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .body("secret", startsWith("whsec_"))
            .body("webhook.url", equalTo(url))
            .extract()
            .jsonPath();
    String secret = created.getString("secret");

    String lead = Leads.leadIn("GENERATED");
    Leads.move(as(As.MARKETING), lead, "qualify", Map.of("score", 70)).then().statusCode(200);

    Received message = received.poll(15, TimeUnit.SECONDS);
    assertTrue(message != null, "no delivery within 15 s");
    JsonPath body = new JsonPath(message.body());
    assertEquals("lead.qualified", body.getString("type"));
    assertEquals(lead, body.getString("data.leadId"));
    assertEquals("QUALIFIED", body.getString("data.toStatus"));
    assertEquals(70, body.getInt("data.score"));
    assertTrue(message.id().startsWith("msg_"));
    String expected =
        "v1,"
            + Signatures.sign(
                secret, message.id(), Long.parseLong(message.timestamp()), message.body());
    assertEquals(expected, message.signature());
    // lead.created was not asked for.
    assertEquals(null, received.poll(2, TimeUnit.SECONDS));

    as(As.MARKETING)
        .get("/api/v1/webhooks/" + created.getString("webhook.id") + "/deliveries")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].id", equalTo(message.id()))
        .body("data[0].status", equalTo("SUCCEEDED"))
        .body("data[0].attemptLog[0].statusCode", equalTo(204));
    // Operations count deliveries by outcome.
    assertTrue(Scrape.value(SUCCEEDED) >= succeeded + 1, "deliveries counted in /q/metrics");
  }
}
