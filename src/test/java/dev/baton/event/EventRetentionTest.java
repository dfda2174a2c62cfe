package dev.baton.event;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events and finished webhook deliveries older than the retention (365 days by default) go, made
 * old by handing the lead off while Baton's clock is {@link #AGO} behind.
 */
@QuarkusTest
class EventRetentionTest {

  private static final Duration AGO = Duration.ofDays(400);

  @Inject TestClock clock;
  @Inject EventRetentionJob retention;

  @RegisterExtension final Receiver receiver = new Receiver();

  @Test
  void eventsOlderThanTheRetentionArePurgedAndRecentOnesKept() {
    String lead = longAgo(() -> Leads.leadIn("GENERATED"));
    Leads.move(as(As.MARKETING), lead, "qualify", Map.of("score", 60)).then().statusCode(200);
    assertEquals(List.of("lead.created", "lead.qualified"), Leads.historyTypes(lead));

    retention.purge(Instant.now());

    assertEquals(List.of("lead.qualified"), Leads.historyTypes(lead));
  }

  @Test
  void finishedWebhookDeliveriesGoWithTheEventsAndPendingOnesStay() throws Exception {
    String answered = subscribe(receiver.url());
    String unanswered = subscribe("http://127.0.0.1:9/never");
    String lead = longAgo(() -> Leads.leadIn("GENERATED"));
    receiver.await(message -> lead.equals(message.leadId()), 1, 15);
    awaitStatus(answered, "SUCCEEDED");
    awaitStatus(unanswered, "PENDING");

    retention.purge(Instant.now());

    assertEquals(List.of(), deliveries(answered), "the delivered one is gone");
    assertEquals(List.of("PENDING"), deliveries(unanswered), "the one still trying stays");
    as(As.MARKETING).delete("/api/v1/webhooks/" + answered).then().statusCode(204);
    as(As.MARKETING).delete("/api/v1/webhooks/" + unanswered).then().statusCode(204);
  }

  private <T> T longAgo(Supplier<T> action) {
    try (TestClock.Moved past = clock.movedBy(AGO.negated())) {
      return action.get();
    }
  }

  private static String subscribe(String url) {
    return as(As.MARKETING)
        .body(Map.of("url", url, "eventTypes", List.of("lead.created")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .path("webhook.id");
  }

  /** The statuses of the subscription's deliveries, oldest first. */
  private static List<String> deliveries(String webhook) {
    return as(As.MARKETING)
        .get("/api/v1/webhooks/" + webhook + "/deliveries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.status");
  }

  /** Waits until the subscription's one delivery has {@code status}, after at least one attempt. */
  private static void awaitStatus(String webhook, String status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      var page = as(As.MARKETING).get("/api/v1/webhooks/" + webhook + "/deliveries").jsonPath();
      List<String> statuses = page.getList("data.status");
      List<Object> attempts = page.getList("data[0].attemptLog");
      if (statuses.equals(List.of(status)) && attempts != null && !attempts.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        assertEquals(List.of(status), statuses, "deliveries of " + webhook);
        assertEquals(false, attempts == null || attempts.isEmpty(), "an attempt was made");
      }
      Thread.sleep(50);
    }
  }
}
