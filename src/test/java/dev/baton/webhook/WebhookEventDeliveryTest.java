package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Receiver.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What arrives: signed Standard Webhooks messages, the types asked for, in order per lead. */
@QuarkusTest
class WebhookEventDeliveryTest {

  private final Hooks hooks = new Hooks();

  @jakarta.inject.Inject WebhookDispatcher dispatcher;
  @RegisterExtension final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void everyMessageIsSignedAndCarriesTheMoveAndItsInputs() throws Exception {
    String secret = hooks.subscribe(receiver.url(), null).getString("secret");

    String rejected = Leads.handOff(Leads.body(Leads.uniqueSource(), "GENERATED"));
    Leads.move(as(As.ADMIN), rejected, "reject", Map.of("reason", "NOT_ICP", "note", "B2C shop"))
        .then()
        .statusCode(200);

    String converted = Leads.handOff(Leads.body(Leads.uniqueSource(), "GENERATED"));
    Leads.move(as(As.ADMIN), converted, "qualify", Map.of("score", 80)).then().statusCode(200);
    Leads.move(as(As.ADMIN), converted, "accept", Map.of("owner", "jane@acme.com"))
        .then()
        .statusCode(200);
    Leads.move(
            as(As.ADMIN),
            converted,
            "convert",
            Map.of("opportunityRef", "OPP-7", "amount", 1250.5, "currency", "EUR"))
        .then()
        .statusCode(200);

    List<Message> forRejected = receiver.await(m -> rejected.equals(m.leadId()), 2, 20);
    List<Message> forConverted = receiver.await(m -> converted.equals(m.leadId()), 4, 20);

    Set<String> ids = new HashSet<>();
    for (Message m : receiver.all()) {
      Receiver.verify(secret, m);
      assertTrue(m.id().startsWith("msg_"), m.id());
      assertTrue(m.body().getBytes(StandardCharsets.UTF_8).length < 20 * 1024, "body over 20 kB");
      JsonPath body = m.json();
      Map<String, Object> top = body.getMap("$");
      assertEquals(Set.of("type", "timestamp", "data"), top.keySet(), m.body());
      Instant.parse(body.getString("timestamp"));
      assertTrue(body.getString("type").startsWith("lead."), body.getString("type"));
      ids.add(m.id());
    }
    assertEquals(receiver.all().size(), ids.size(), "a message arrived twice");

    assertEquals(List.of("lead.created", "lead.rejected"), types(forRejected));
    JsonPath reject = forRejected.get(1).json();
    assertEquals(rejected, reject.getString("data.leadId"));
    assertEquals(2, reject.getInt("data.leadVersion"));
    assertEquals("GENERATED", reject.getString("data.fromStatus"));
    assertEquals("REJECTED", reject.getString("data.toStatus"));
    assertEquals("NOT_ICP", reject.getString("data.reason"));
    assertEquals("B2C shop", reject.getString("data.note"));
    JsonPath created = forRejected.get(0).json();
    assertEquals(1, created.getInt("data.leadVersion"));
    assertEquals("GENERATED", created.getString("data.toStatus"));

    assertEquals(
        List.of("lead.created", "lead.qualified", "lead.accepted", "lead.converted"),
        types(forConverted));
    assertEquals(List.of(1L, 2L, 3L, 4L), versions(forConverted));
    JsonPath qualify = forConverted.get(1).json();
    assertEquals(80, qualify.getInt("data.score"));
    assertEquals("GENERATED", qualify.getString("data.fromStatus"));
    assertEquals("QUALIFIED", qualify.getString("data.toStatus"));
    JsonPath accept = forConverted.get(2).json();
    assertEquals("jane@acme.com", accept.getString("data.owner"));
    assertEquals("ACCEPTED", accept.getString("data.toStatus"));
    JsonPath convert = forConverted.get(3).json();
    assertEquals("ACCEPTED", convert.getString("data.fromStatus"));
    assertEquals("CONVERTED", convert.getString("data.toStatus"));
    assertEquals("OPP-7", convert.getString("data.opportunityRef"));
    assertEquals(1250.5, convert.getDouble("data.amount"), 0.0001);
    assertEquals("EUR", convert.getString("data.currency"));
  }

  @Test
  void onlyTheEventTypesAskedForAreDelivered() throws Exception {
    String secret = hooks.subscribe(receiver.url(), List.of("lead.rejected")).getString("secret");
    try (Receiver qualifiedOnly = new Receiver().start()) {
      hooks.subscribe(qualifiedOnly.url(), List.of("lead.qualified", "lead.accepted"));

      String lead = Leads.leadIn("GENERATED");
      Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);
      Leads.move(as(As.ADMIN), lead, "reject", Map.of("reason", "NOT_ICP")).then().statusCode(200);

      Message rejection = receiver.await(m -> lead.equals(m.leadId()), 1, 15).get(0);
      Receiver.verify(secret, rejection);
      assertEquals("lead.rejected", rejection.type());
      qualifiedOnly.await(m -> lead.equals(m.leadId()), 1, 15);
      Hooks.drain(dispatcher);
      assertEquals(List.of("lead.rejected"), types(receiver.forLead(lead)));
      assertEquals(List.of("lead.qualified"), types(qualifiedOnly.forLead(lead)));
    }
  }

  @Test
  void aRefusedMoveDeliversNothing() throws Exception {
    String id = hooks.subscribe(receiver.url(), null).getString("webhook.id");
    String lead = Leads.leadIn("GENERATED");
    // Not allowed from GENERATED: 409, and no event.
    Leads.move(as(As.ADMIN), lead, "convert", Map.of())
        .then()
        .statusCode(409)
        .body("type", endsWith(":transition-not-allowed"));
    Leads.move(as(As.ADMIN), lead, "accept", Map.of("owner", "jane@acme.com"))
        .then()
        .statusCode(409);
    // Invalid input: 400, and no event.
    Leads.move(as(As.ADMIN), lead, "reject", Map.of("reason", "NO_SUCH_REASON"))
        .then()
        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
    // Sales may not qualify: 403, and no event.
    Leads.move(as(As.SALES), lead, "qualify", Map.of()).then().statusCode(403);
    Leads.move(as(As.ADMIN), lead, "qualify", Map.of()).then().statusCode(200);

    // Per lead, events arrive in order: once the qualification is here, anything before it is too.
    receiver.await(m -> lead.equals(m.leadId()) && "lead.qualified".equals(m.type()), 1, 15);
    Hooks.drain(dispatcher);
    assertEquals(List.of("lead.created", "lead.qualified"), types(receiver.forLead(lead)));
    assertEquals(
        2L,
        Hooks.deliveries(id).stream().filter(d -> lead.equals(d.get("leadId"))).count(),
        "deliveries: " + Hooks.deliveries(id));
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
      Receiver.verify(secret, m);
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

  private static List<String> types(List<Message> messages) {
    return messages.stream().map(Message::type).toList();
  }

  private static List<Long> versions(List<Message> messages) {
    return messages.stream().map(Message::leadVersion).toList();
  }

  private static String describe(List<Message> messages) {
    return messages.stream()
        .map(m -> m.id() + " v" + m.leadVersion() + " " + m.type() + " @" + m.at())
        .toList()
        .toString();
  }
}
