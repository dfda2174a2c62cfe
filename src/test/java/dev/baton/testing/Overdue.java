package dev.baton.testing;

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
import java.util.function.Supplier;

/**
 * Overdue leads, made by letting time pass: what is handed off while Baton's clock is a day and an
 * hour behind has an acceptance deadline (24 hours, the default policy) an hour in the past, and no
 * other lead becomes overdue. And what the breach job left, read straight from the database.
 */
public final class Overdue {

  /** How long ago an overdue lead was handed off. */
  public static final Duration AGO = Duration.ofHours(25);

  private Overdue() {}

  /** What {@code handOff} answers, done {@link #AGO} ago. */
  public static <T> T handedOff(TestClock clock, Supplier<T> handOff) {
    try (TestClock.Moved past = clock.movedBy(AGO.negated())) {
      return handOff.get();
    }
  }

  /** How many {@code lead.sla_breached} events each lead has (absent: none). */
  public static Map<String, Integer> breachEvents(
      AgroalDataSource database, Collection<String> leads) throws SQLException {
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
  public static int pending(AgroalDataSource database, Collection<String> leads)
      throws SQLException {
    return count(database, leads, "sla_state = 'PENDING'");
  }

  /** Waits (at most {@code limit}) until none of these leads has a running clock. */
  public static void awaitNonePending(
      AgroalDataSource database, Collection<String> leads, Duration limit) throws Exception {
    await(database, leads, "sla_state = 'PENDING'", limit);
  }

  /**
   * Waits (at most {@code limit}) until none of these leads has a running clock past its deadline:
   * what a run of the breach job left to a scheduled run holding those leads (it skips what another
   * run has locked) is committed by then.
   */
  public static void awaitNoneOverdue(
      AgroalDataSource database, Collection<String> leads, Duration limit) throws Exception {
    await(database, leads, "sla_state = 'PENDING' AND sla_deadline < now()", limit);
  }

  private static void await(
      AgroalDataSource database, Collection<String> leads, String condition, Duration limit)
      throws Exception {
    Instant deadline = Instant.now().plus(limit);
    int left = count(database, leads, condition);
    while (left > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      left = count(database, leads, condition);
    }
    assertEquals(0, left, "leads still matching " + condition + " after " + limit);
  }

  private static int count(AgroalDataSource database, Collection<String> leads, String condition)
      throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM lead WHERE id = ANY(?) AND " + condition)) {
      query.setArray(1, uuids(connection, leads));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static Array uuids(Connection connection, Collection<String> leads) throws SQLException {
    return connection.createArrayOf("uuid", leads.stream().map(UUID::fromString).toArray());
  }
}
