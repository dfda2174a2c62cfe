package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static dev.baton.webhook.Subscriptions.qualifyALead;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.StandardWebhooks;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only 2xx is success; everything else is retried on the schedule (test profile: 1S,1S,2S). */
@QuarkusTest
class WebhookRetryTest {

  private final Hooks hooks = new Hooks();
  @Inject WebhookDispatcher dispatcher;
  @Inject TestClock clock;
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void aFailedDeliveryIsRetriedWithTheSameWebhookIdAndEveryAttemptIsListed() throws Exception {
    receiver.answer((m, attempt) -> Reply.status(attempt == 1 ? 500 : 200).body("ok"));
    String[] s = qualifyALead(hooks, receiver);
    List<Message> got = receiver.await(m -> s[2].equals(m.leadId()), 1, 15);
    Message first = got.get(0);

    // While it waits for the retry, the next attempt is shown.
    Map<String, Object> pending =
        Hooks.awaitDelivery(
            s[0], first.id(), d -> ((Number) d.get("attempts")).intValue() >= 1, 10);
    if ("PENDING".equals(pending.get("status"))) {
      assertNotNull(pending.get("nextAttemptAt"), "pending without nextAttemptAt: " + pending);
    }

    got = receiver.await(m -> s[2].equals(m.leadId()), 2, 15);
    Message second = got.get(1);
    Receiver.assertSameDelivery(first, second);
    StandardWebhooks.verify(s[1], first);
    StandardWebhooks.verify(s[1], second);

    Map<String, Object> done =
        Hooks.awaitDelivery(s[0], first.id(), d -> "SUCCEEDED".equals(d.get("status")), 10);
    assertEquals(2, done.get("attempts"));
    assertNull(done.get("nextAttemptAt"), "nextAttemptAt after success: " + done);
    assertEquals("lead.qualified", done.get("eventType"));
    assertEquals(s[2], done.get("leadId"));
    List<Map<String, Object>> attempts = Hooks.attempts(done);
    assertEquals(2, attempts.size(), attempts.toString());
    assertEquals(500, attempts.get(0).get("statusCode"));
    assertNotNull(attempts.get(0).get("error"));
    assertEquals(200, attempts.get(1).get("statusCode"));
    for (Map<String, Object> a : attempts) {
      assertTrue(((Number) a.get("latencyMs")).intValue() >= 0, a.toString());
      assertNotNull(Instant.parse((String) a.get("at")));
    }
    try (TestClock.Moved later = clock.movedBy(Duration.ofMinutes(1))) {
      Hooks.drain(dispatcher);
    }
    assertEquals(2, receiver.forLead(s[2]).size(), "sent again after success");
  }

  @Test
  void aReceiverThatAlwaysFailsGetsOnePlusThreeAttemptsThenTheDeliveryFailed() throws Exception {
    receiver.answer((m, attempt) -> Reply.status(500));
    String[] s = qualifyALead(hooks, receiver);
    Message first = receiver.await(m -> s[2].equals(m.leadId()), 1, 15).get(0);

    Map<String, Object> failed =
        Hooks.awaitDelivery(s[0], first.id(), d -> "FAILED".equals(d.get("status")), 30);
    assertEquals(4, failed.get("attempts"), failed.toString());
    assertNull(failed.get("nextAttemptAt"), failed.toString());
    List<Map<String, Object>> attempts = Hooks.attempts(failed);
    assertEquals(4, attempts.size());
    attempts.forEach(a -> assertEquals(500, a.get("statusCode"), attempts.toString()));
    // Exponential-ish schedule: 1 s, 1 s, 2 s between attempts (±10% and the 1 s dispatch tick).
    List<Message> all = receiver.forLead(s[2]);
    assertEquals(4, all.size(), all.toString());
    all.forEach(m -> Receiver.assertSameDelivery(first, m));
    long lastGap = Duration.between(all.get(2).at(), all.get(3).at()).toMillis();
    assertTrue(lastGap >= 1700, "last retry came after only " + lastGap + " ms");

    try (TestClock.Moved later = clock.movedBy(Duration.ofMinutes(1))) {
      Hooks.drain(dispatcher);
    }
    assertEquals(4, receiver.forLead(s[2]).size(), "sent again after giving up");
    // A failing subscription is still active (not yet failing for long), and says since when.
    as(As.MARKETING)
        .get(WEBHOOKS + "/" + s[0])
        .then()
        .statusCode(200)
        .body("state", equalTo("ACTIVE"))
        .body("failingSince", org.hamcrest.Matchers.notNullValue());
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void retryAfterIsHonoured(int status) throws Exception {
    receiver.answer(
        (m, attempt) ->
            attempt == 1 ? Reply.status(status).header("Retry-After", "3") : Reply.status(204));
    String[] s = qualifyALead(hooks, receiver);
    Message first = receiver.await(m -> s[2].equals(m.leadId()), 1, 15).get(0);

    Map<String, Object> pending =
        Hooks.awaitDelivery(
            s[0], first.id(), d -> ((Number) d.get("attempts")).intValue() >= 1, 10);
    assertEquals("PENDING", pending.get("status"), pending.toString());
    Instant attempted = Instant.parse((String) Hooks.attempts(pending).get(0).get("at"));
    Instant next = Instant.parse((String) pending.get("nextAttemptAt"));
    assertTrue(
        !next.isBefore(attempted.plusMillis(2990)),
        "next attempt " + next + " is sooner than Retry-After after " + attempted);

    List<Message> got = receiver.await(m -> s[2].equals(m.leadId()), 2, 20);
    long gap = Duration.between(got.get(0).at(), got.get(1).at()).toMillis();
    assertTrue(gap >= 3000, "retried after " + gap + " ms despite Retry-After: 3");
    Receiver.assertSameDelivery(got.get(0), got.get(1));
    Hooks.awaitDelivery(s[0], first.id(), d -> "SUCCEEDED".equals(d.get("status")), 10);
  }
}
