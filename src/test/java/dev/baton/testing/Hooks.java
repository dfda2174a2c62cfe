package dev.baton.testing;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.testing.Api.As;
import dev.baton.webhook.WebhookDispatcher;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Calls to /api/v1/webhooks shared by the webhook tests; remembers what to delete afterwards. */
public final class Hooks {

  public static final String WEBHOOKS = "/api/v1/webhooks";

  private final List<String> created = new ArrayList<>();

  /** Subscribes {@code url} as marketing; null types: every type. Answers the 201 body. */
  public JsonPath subscribe(String url, List<String> types) {
    return subscribe(As.MARKETING, url, types);
  }

  public JsonPath subscribe(As who, String url, List<String> types) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", url);
    if (types != null) {
      body.put("eventTypes", types);
    }
    JsonPath answer = as(who).body(body).post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
    created.add(answer.getString("webhook.id"));
    return answer;
  }

  public void track(String id) {
    created.add(id);
  }

  /** Deletes every subscription this test made, so that no receiver of ours lingers in the DB. */
  public void deleteAll() {
    for (String id : created) {
      as(As.ADMIN).delete(WEBHOOKS + "/" + id);
    }
    created.clear();
  }

  public static JsonPath webhook(String id) {
    return as(As.MARKETING).get(WEBHOOKS + "/" + id).then().statusCode(200).extract().jsonPath();
  }

  /** The subscription's deliveries (one page of 200). */
  public static List<Map<String, Object>> deliveries(String id) {
    return as(As.MARKETING)
        .get(WEBHOOKS + "/" + id + "/deliveries?limit=200")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data");
  }

  /** The delivery of {@code messageId}, once {@code until} holds of it. */
  public static Map<String, Object> awaitDelivery(
      String webhookId, String messageId, Predicate<Map<String, Object>> until, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Map<String, Object> last = null;
    while (System.nanoTime() < deadline) {
      for (Map<String, Object> d : deliveries(webhookId)) {
        if (messageId.equals(d.get("id"))) {
          last = d;
          if (until.test(d)) {
            return d;
          }
        }
      }
      Thread.sleep(100);
    }
    fail("delivery " + messageId + " never got there within " + seconds + " s; last seen " + last);
    return null;
  }

  /**
   * Sends everything due now, then waits until no dispatch (the scheduled one included) is still
   * sending: whatever Baton would have sent by now has arrived and been recorded.
   */
  public static void drain(WebhookDispatcher dispatcher) throws InterruptedException {
    dispatcher.dispatch();
    assertTrue(dispatcher.awaitIdle(Duration.ofSeconds(30)), "a dispatch still running after 30 s");
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
    return (List<Map<String, Object>>) delivery.get("attemptLog");
  }
}
