package dev.baton.webhook;

import static dev.baton.testing.Api.as;
import static dev.baton.webhook.Messages.types;
import static dev.baton.webhook.Messages.versions;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import dev.baton.testing.Receiver;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What arrives: signed Standard Webhooks messages carrying the move and its inputs, only the types
 * asked for, and nothing for a refused move. {@link WebhookDeliveryOrderTest} checks their order.
 */
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
      StandardWebhooks.verify(secret, m);
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
      StandardWebhooks.verify(secret, rejection);
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
}
