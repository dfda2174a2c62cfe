package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Hooks.WEBHOOKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A subscription failing for longer than BATON_WEBHOOK_PAUSE_AFTER is paused, visibly. */
@QuarkusTest
@TestProfile(WebhookAutoPauseTest.QuickPause.class)
class WebhookAutoPauseTest {

  @Inject WebhookDispatcher dispatcher;
  @Inject TestClock clock;
  @RegisterExtension final Receiver receiver = new Receiver();

  public static class QuickPause implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "baton.webhook.pause-after", "2S", "baton.webhook.retry-schedule", "1S,1S,1S,1S,1S,1S");
    }
  }

  @Test
  void aSubscriptionFailingForLongIsPausedAndResumesWhenAsked() throws Exception {
    Hooks hooks = new Hooks();
    try {
      receiver.answer((m, attempt) -> Reply.status(503));
      String id = hooks.subscribe(receiver.url(), null).getString("webhook.id");
      String lead = Leads.leadIn("GENERATED");
      receiver.await(m -> lead.equals(m.leadId()), 1, 15);

      JsonPath state = null;
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < deadline) {
        state = Hooks.webhook(id);
        if ("PAUSED".equals(state.getString("state"))) {
          break;
        }
        Thread.sleep(200);
      }
      assertEquals("PAUSED", state.getString("state"), state.prettify());
      assertNotNull(state.getString("stateReason"));
      assertNotNull(state.getString("failingSince"));

      // Paused: nothing more is sent, even once its retry is long due.
      Hooks.drain(dispatcher);
      int sent = receiver.all().size();
      try (TestClock.Moved later = clock.movedBy(Duration.ofMinutes(1))) {
        Hooks.drain(dispatcher);
      }
      assertEquals(sent, receiver.all().size(), "sent while paused");

      // Resumed by its owner, with a healthy receiver: the waiting delivery goes.
      receiver.answer((m, attempt) -> Reply.status(204));
      as(As.MARKETING)
          .body(Map.of("paused", false))
          .patch(WEBHOOKS + "/" + id)
          .then()
          .statusCode(200);
      receiver.await(m -> lead.equals(m.leadId()), sent + 1, 15);
      long deadline2 = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline2 && Hooks.webhook(id).getString("failingSince") != null) {
        Thread.sleep(200);
      }
      JsonPath healthy = Hooks.webhook(id);
      assertEquals("ACTIVE", healthy.getString("state"));
      assertTrue(healthy.getString("failingSince") == null, healthy.prettify());
    } finally {
      hooks.deleteAll();
    }
  }
}
