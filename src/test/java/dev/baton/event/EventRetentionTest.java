package dev.baton.event;

import static dev.baton.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Api.As;
import dev.baton.lead.Leads;
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
  @Inject EventRetention retention;

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

  private static List<String> history(String lead) {
    return as(As.ANALYST).get("/api/v1/leads/" + lead + "/history").jsonPath().getList("data.id");
  }
}
