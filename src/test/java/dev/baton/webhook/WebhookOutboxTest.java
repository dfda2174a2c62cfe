package dev.baton.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.db.Pipeline;
import dev.baton.event.EventLog;
import dev.baton.event.EventType;
import dev.baton.security.Caller;
import dev.baton.testing.Hooks;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox writes its deliveries in the transaction that records the event: both, or neither. */
@QuarkusTest
class WebhookOutboxTest {

  private static final String COUNT =
      "SELECT (SELECT count(*) FROM webhook_delivery WHERE lead_id = ?1 AND webhook_id = ?2),"
          + " (SELECT count(*) FROM lead_event WHERE lead_id = ?1 AND type = 'lead.updated')";

  private static final String COUNT_JDBC =
      "SELECT (SELECT count(*) FROM webhook_delivery WHERE lead_id = ?::uuid"
          + " AND webhook_id = ?::uuid), (SELECT count(*) FROM lead_event"
          + " WHERE lead_id = ?::uuid AND type = 'lead.updated')";

  private final Hooks hooks = new Hooks();

  @Inject EventLog events;
  @Inject EntityManager em;
  @Inject Pipeline pipeline;
  @Inject AgroalDataSource database;

  @AfterEach
  void stop() {
    hooks.deleteAll();
  }

  @Test
  void anEventRolledBackTakesItsDeliveriesWithIt() throws Exception {
    UUID webhook =
        UUID.fromString(
            hooks
                .subscribe("http://127.0.0.1:9/never", List.of("lead.updated"))
                .getString("webhook.id"));
    UUID lead = UUID.fromString(Leads.leadIn("GENERATED"));

    RuntimeException rolledBack =
        assertThrows(
            RuntimeException.class,
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          events.record(
                              lead,
                              EventType.LEAD_UPDATED,
                              2,
                              Instant.now(),
                              Caller.SYSTEM,
                              null,
                              null,
                              new HashMap<>());
                          // Seen inside the transaction, once sent: the event and its
                          // delivery.
                          pipeline.send();
                          Object[] inside =
                              (Object[])
                                  em.createNativeQuery(COUNT, Object[].class)
                                      .setParameter(1, lead)
                                      .setParameter(2, webhook)
                                      .getSingleResult();
                          assertEquals(1, ((Number) inside[0]).intValue());
                          assertEquals(1, ((Number) inside[1]).intValue());
                          throw new IllegalStateException("roll back");
                        }));
    assertEquals("roll back", rootMessage(rolledBack));

    try (Connection connection = database.getConnection();
        PreparedStatement count = connection.prepareStatement(COUNT_JDBC)) {
      count.setString(1, lead.toString());
      count.setString(2, webhook.toString());
      count.setString(3, lead.toString());
      try (ResultSet row = count.executeQuery()) {
        row.next();
        assertEquals(0, row.getInt(1), "no delivery of an event that rolled back");
        assertEquals(0, row.getInt(2), "no event that rolled back");
      }
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }
}
