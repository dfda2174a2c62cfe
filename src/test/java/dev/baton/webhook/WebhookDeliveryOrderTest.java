package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.webhook.Messages.describe;
import static dev.baton.webhook.Messages.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Receiver.Reply;
import dev.baton.testing.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The order of deliveries: per lead, events arrive in version order, even when attempts fail or the
 * moves come at once; dispatchers running at once, as on several replicas, send each message once.
 */
@QuarkusTest
class WebhookDeliveryOrderTest {

  private final Hooks hooks = new Hooks();

  @jakarta.inject.Inject WebhookDispatcher dispatcher;
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void eventsOfOneLeadArriveInVersionOrderEvenWhenAttemptsFail() throws Exception {
    // Slow, and the first attempt of every message fails: the next event must wait.
    receiver.answer((m, attempt) -> Reply.status(attempt == 1 ? 500 : 200).after(200));
    String secret = hooks.subscribe(receiver.url(), null).getString("secret");

    String lead = Leads.leadIn("GENERATED");
    String other = Leads.leadIn("GENERATED");
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
    Leads.move(as(As.ADMIN), other, "qualify", Map.of()).then().statusCode(200);
    Leads.move(as(As.ADMIN), lead, "accept", Map.of("owner", "a@acme.com")).then().statusCode(200);
    Leads.move(as(As.ADMIN), other, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);
    Leads.move(as(As.ADMIN), lead, "convert", Map.of()).then().statusCode(200);

    // 4 events for lead, 3 for other, each sent twice (500 then 200).
    List<Message> ofLead = receiver.await(m -> lead.equals(m.leadId()), 8, 60);
    List<Message> ofOther = receiver.await(m -> other.equals(m.leadId()), 6, 60);
    for (Message m : receiver.all()) {
      StandardWebhooks.verify(secret, m);
    }
    assertEquals(List.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L), versions(ofLead), describe(ofLead));
    assertEquals(List.of(1L, 1L, 2L, 2L, 3L, 3L), versions(ofOther), describe(ofOther));
    for (int i = 0; i < ofLead.size(); i += 2) {
      Receiver.assertSameDelivery(ofLead.get(i), ofLead.get(i + 1));
    }
  }

  @Test
  void eventsOfOneLeadArriveInOrderWhenMovedConcurrentlyFast() throws Exception {
    // A receiver that takes its time: the moves are all committed before the first is answered.
    receiver.answer((m, attempt) -> Reply.status(204).after(300));
    hooks.subscribe(receiver.url(), null);
    List<String> leads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      leads.add(Leads.leadIn("GENERATED"));
    }
    List<Thread> threads = new ArrayList<>();
    Map<String, Throwable> failures = new ConcurrentHashMap<>();
    for (String lead : leads) {
      Thread t =
          new Thread(
              () -> {
                try {
                  Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
                  Leads.move(as(As.ADMIN), lead, "accept", Map.of("owner", "a@acme.com"))
                      .then()
                      .statusCode(200);
                  Leads.move(as(As.ADMIN), lead, "convert", Map.of()).then().statusCode(200);
                } catch (Throwable e) {
                  failures.put(lead, e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(Map.of(), failures);
    for (String lead : leads) {
      List<Message> got = receiver.await(m -> lead.equals(m.leadId()), 4, 60);
      assertEquals(List.of(1L, 2L, 3L, 4L), versions(got), describe(got));
    }
  }

  @Test
  void dispatchersRunningAtOnceSendEachMessageOnce() throws Exception {
    receiver.answer((m, attempt) -> Reply.status(204).after(50));
    String id = hooks.subscribe(receiver.url(), List.of("lead.created")).getString("webhook.id");
    as(As.MARKETING)
        .body(Map.of("paused", true))
        .patch(Hooks.WEBHOOKS + "/" + id)
        .then()
        .statusCode(200);
    Set<String> leads = new HashSet<>();
    for (int i = 0; i < 70; i++) {
      leads.add(Leads.leadIn("GENERATED"));
    }
    as(As.MARKETING)
        .body(Map.of("paused", false))
        .patch(Hooks.WEBHOOKS + "/" + id)
        .then()
        .statusCode(200);
    // Four dispatchers besides the scheduled one, all at once, as several replicas would.
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> dispatcher.dispatch());
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    receiver.await(m -> leads.contains(m.leadId()), 70, 60);
    // A message sent twice would be sent by two dispatches at once: both have finished by now.
    Hooks.drain(dispatcher);
    List<Message> got = receiver.where(m -> leads.contains(m.leadId()));
    Map<String, Long> perId =
        got.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Message::id, java.util.stream.Collectors.counting()));
    assertEquals(70, perId.size());
    perId.forEach((k, v) -> assertEquals(1L, v, k + " was sent " + v + " times"));
  }
}
