package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static dev.baton.webhook.Subscriptions.qualifyALead;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Receivers that fail other than with a retriable status: 410 Gone disables the subscription for
 * good, a redirect is a failure and is not followed, an answer slower than the timeout fails, and a
 * huge response body breaks nothing.
 */
@QuarkusTest
class WebhookFailureModesTest {

  private final Hooks hooks = new Hooks();
  @Inject WebhookDispatcher dispatcher;
  @Inject TestClock clock;
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void goneDisablesTheSubscriptionAndNothingMoreIsSent() throws Exception {
    receiver.answer((m, attempt) -> Reply.status(410));
    JsonPath created = hooks.subscribe(receiver.url(), null);
    String id = created.getString("webhook.id");
    String lead = Leads.leadIn("GENERATED");
    Message first = receiver.await(m -> lead.equals(m.leadId()), 1, 15).get(0);

    Map<String, Object> failed =
        Hooks.awaitDelivery(id, first.id(), d -> "FAILED".equals(d.get("status")), 10);
    assertEquals(1, failed.get("attempts"));
    assertEquals(410, Hooks.attempts(failed).get(0).get("statusCode"));
    as(As.MARKETING)
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(200)
        .body("state", equalTo("DISABLED"))
        .body("stateReason", org.hamcrest.Matchers.containsString("410"));

    // Deliveries claimed in the same batch as the 410 (other leads' events) may still land;
    // nothing is sent once the subscription is disabled.
    Hooks.drain(dispatcher);
    int before = receiver.all().size();
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
    String another = Leads.leadIn("GENERATED");
    try (TestClock.Moved later = clock.movedBy(Duration.ofMinutes(1))) {
      Hooks.drain(dispatcher);
    }
    assertEquals(before, receiver.all().size(), "sent after 410: " + receiver.all());
    assertEquals(1, receiver.forLead(lead).size(), "sent after 410: " + receiver.forLead(lead));
    assertEquals(List.of(), receiver.forLead(another));
    // Redelivery and resume cannot bring it back.
    as(As.MARKETING)
        .body(Map.of("paused", false))
        .patch(WEBHOOKS + "/" + id)
        .then()
        .statusCode(409)
        .body("type", endsWith(":webhook-disabled"))
        .body("status", equalTo(409));
  }

  @Test
  void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
    receiver.answer(
        (m, attempt) ->
            m.path().equals("/target")
                ? Reply.status(200)
                : Reply.status(302).header("Location", receiver.url("/target")));
    String[] s = qualifyALead(hooks, receiver);
    Message first = receiver.await(m -> s[2].equals(m.leadId()), 1, 15).get(0);
    Map<String, Object> retried =
        Hooks.awaitDelivery(
            s[0], first.id(), d -> ((Number) d.get("attempts")).intValue() >= 2, 15);
    assertTrue(!"SUCCEEDED".equals(retried.get("status")), retried.toString());
    assertEquals(302, Hooks.attempts(retried).get(0).get("statusCode"), retried.toString());
    assertEquals(List.of(), receiver.where(m -> m.path().equals("/target")));
  }

  @Test
  void aReceiverSlowerThanTheTimeoutFails() throws Exception {
    // Test profile timeout: 3 s. The first answer takes 6 s.
    receiver.answer(
        (m, attempt) -> attempt == 1 ? Reply.status(200).after(6000) : Reply.status(200));
    String[] s = qualifyALead(hooks, receiver);
    Message first = receiver.await(m -> s[2].equals(m.leadId()), 1, 15).get(0);
    Map<String, Object> done =
        Hooks.awaitDelivery(s[0], first.id(), d -> "SUCCEEDED".equals(d.get("status")), 30);
    List<Map<String, Object>> attempts = Hooks.attempts(done);
    assertEquals(2, attempts.size(), attempts.toString());
    assertNull(attempts.get(0).get("statusCode"), "a timed-out attempt has no status code");
    assertNotNull(attempts.get(0).get("error"));
    int latency = ((Number) attempts.get(0).get("latencyMs")).intValue();
    assertTrue(latency >= 2500 && latency < 6000, "timed out after " + latency + " ms");
    assertEquals(200, attempts.get(1).get("statusCode"));
  }

  @Test
  void aHugeResponseBodyBreaksNothing() throws Exception {
    receiver.answer((m, attempt) -> Reply.status(200).huge(5L * 1024 * 1024));
    String[] s = qualifyALead(hooks, receiver);
    Message first = receiver.await(m -> s[2].equals(m.leadId()), 1, 15).get(0);
    Map<String, Object> done =
        Hooks.awaitDelivery(s[0], first.id(), d -> !"PENDING".equals(d.get("status")), 15);
    assertEquals("SUCCEEDED", done.get("status"), done.toString());
    assertEquals(200, Hooks.attempts(done).get(0).get("statusCode"));

    // And the next event still goes.
    Leads.move(as(As.ADMIN), s[2], "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
    String other = Leads.leadIn("GENERATED");
    Leads.move(as(As.ADMIN), other, "qualify", Map.of()).then().statusCode(200);
    receiver.await(m -> other.equals(m.leadId()), 1, 15);

    // A test ping against it answers promptly too.
    long started = System.nanoTime();
    as(As.MARKETING)
        .post(WEBHOOKS + "/" + s[0] + "/test")
        .then()
        .statusCode(200)
        .body("statusCode", equalTo(200))
        .body("success", equalTo(true));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
  }
}
