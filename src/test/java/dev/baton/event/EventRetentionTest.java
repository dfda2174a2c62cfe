package dev.baton.event;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventRetentionTest {

  @Inject AgroalDataSource database;
  @Inject EventRetentionJob retention;

  @Test
  void eventsOlderThanTheRetentionArePurgedAndRecentOnesKept() throws Exception {
    String lead = Leads.leadIn("GENERATED");
    String old = UUID.randomUUID().toString();
    try (Connection connection = database.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_name, actor_role)"
                    + " VALUES (?::uuid, ?::uuid, 'lead.updated', 1, now() - interval '400 days', 'retention-test', 'ADMIN')")) {
      insert.setString(1, old);
      insert.setString(2, lead);
      insert.executeUpdate();
    }
    assertEquals(2, history(lead).size());
    retention.purge(Instant.now());
    List<String> left = history(lead);
    assertEquals(1, left.size());
    assertEquals(false, left.contains(old));
  }

  @Test
  void finishedWebhookDeliveriesGoWithTheEventsAndPendingOnesStay() throws Exception {
    String webhook =
        as(As.MARKETING)
            .body(
                java.util.Map.of(
                    "url", "http://127.0.0.1:9/never", "eventTypes", List.of("lead.converted")))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("webhook.id");
    String lead = Leads.leadIn("GENERATED");
    UUID finished = UUID.randomUUID();
    UUID pending = UUID.randomUUID();
    try (Connection connection = database.getConnection()) {
      for (UUID delivery : List.of(finished, pending)) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id,"
                    + " payload, status, next_attempt_at, created_at) VALUES (?::uuid, ?::uuid,"
                    + " gen_random_uuid(), 'lead.converted', ?::uuid, '{}', ?,"
                    + " now() + interval '1 day', now() - interval '400 days')")) {
          insert.setString(1, delivery.toString());
          insert.setString(2, webhook);
          insert.setString(3, lead);
          insert.setString(4, delivery.equals(finished) ? "SUCCEEDED" : "PENDING");
          insert.executeUpdate();
        }
      }
      try (PreparedStatement attempt =
          connection.prepareStatement(
              "INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, latency_ms)"
                  + " VALUES (?::uuid, now() - interval '400 days', 200, 12)")) {
        attempt.setString(1, finished.toString());
        attempt.executeUpdate();
      }
    }
    retention.purge(Instant.now());
    try (Connection connection = database.getConnection();
        PreparedStatement left =
            connection.prepareStatement(
                "SELECT id::text FROM webhook_delivery WHERE id IN (?::uuid, ?::uuid)")) {
      left.setString(1, finished.toString());
      left.setString(2, pending.toString());
      try (var rows = left.executeQuery()) {
        List<String> ids = new java.util.ArrayList<>();
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
        assertEquals(List.of(pending.toString()), ids);
      }
    }
    as(As.MARKETING).delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
  }

  private static List<String> history(String lead) {
    return as(As.ANALYST).get("/api/v1/leads/" + lead + "/history").jsonPath().getList("data.id");
  }
}
