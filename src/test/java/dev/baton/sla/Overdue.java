package dev.baton.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a test cannot do through the API: let time pass. Moves acceptance deadlines into the past,
 * and reads what the breach job left, straight from the database.
 */
final class Overdue {

  private Overdue() {}

  /** Moves the deadline of these leads' running clocks a minute into the past, in one statement. */
  static void make(AgroalDataSource database, Collection<String> leads) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE lead SET sla_deadline = now() - interval '1 minute'"
                    + " WHERE id = ANY(?) AND sla_state = 'PENDING'")) {
      update.setArray(1, uuids(connection, leads));
      assertEquals(leads.size(), update.executeUpdate(), "every lead had a running clock");
    }
  }

  /** How many {@code lead.sla_breached} events each lead has (absent: none). */
  static Map<String, Integer> breachEvents(AgroalDataSource database, Collection<String> leads)
      throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT lead_id::text, count(*) FROM lead_event"
                    + " WHERE type = 'lead.sla_breached' AND lead_id = ANY(?) GROUP BY lead_id")) {
      query.setArray(1, uuids(connection, leads));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return counts;
  }

  /** How many of these leads still have a running clock. */
  static int pending(AgroalDataSource database, Collection<String> leads) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM lead WHERE id = ANY(?) AND sla_state = 'PENDING'")) {
      query.setArray(1, uuids(connection, leads));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Waits (at most {@code limit}) until none of these leads has a running clock. */
  static void awaitNonePending(AgroalDataSource database, Collection<String> leads, Duration limit)
      throws Exception {
    Instant deadline = Instant.now().plus(limit);
    int left = pending(database, leads);
    while (left > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      left = pending(database, leads);
    }
    assertEquals(0, left, "leads still PENDING after " + limit);
  }

  private static Array uuids(Connection connection, Collection<String> leads) throws SQLException {
    return connection.createArrayOf("uuid", leads.stream().map(UUID::fromString).toArray());
  }
}
