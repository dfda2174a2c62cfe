package dev.baton.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Hooks;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook backlog in /q/metrics: pending deliveries and the age of the oldest. */
@QuarkusTest
class WebhookBacklogTest {

  private final Hooks hooks = new Hooks();
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void aDeliveryThatWaitsIsCountedAndAges() throws Exception {
    // The receiver asks for an hour's wait: the delivery stays pending.
    receiver.answer((message, attempt) -> Reply.status(503).header("Retry-After", "3600"));
    hooks.subscribe(receiver.url(), List.of("lead.created"));
    Api.handOff("GENERATED");
    receiver.await(message -> true, 1, 60);
    double pending = Scrape.await("baton_webhook_pending_deliveries", count -> count >= 1);
    double age = Scrape.await("baton_webhook_oldest_pending_seconds", seconds -> seconds > 0);
    assertTrue(pending >= 1 && age > 0);
  }
}
