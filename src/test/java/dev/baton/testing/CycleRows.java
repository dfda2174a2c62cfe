package dev.baton.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metrics tests' data: leads moved through the public API ({@link PlayedMoves}) at planned
 * times (a {@link Timeline} holds Baton's clock at each), so that hours and medians are exact and
 * the cycles sit in a period no other test uses. Each cycle's row (table lead_cycle) is then
 * checked to hold exactly the times planned.
 */
public final class CycleRows {

  /**
   * The next block of days to hand out: from a random start, so that runs on one database differ.
   */
  private static final AtomicInteger BLOCKS =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

  /**
   * Four days between 1990 and 2019 that no other test of this run gets: the reports of a test
   * count only its own cycles. (Drawn at random, two tests met on the same days now and then.)
   */
  public static LocalDate ownDays() {
    return LocalDate.of(1990, 1, 1).plusDays(4L * (BLOCKS.getAndIncrement() % 2700));
  }

  /** The time columns of lead_cycle a plan states; any other must be null. */
  public static final List<String> TIMES =
      List.of(
          "handed_off_at",
          "qualified_at",
          "sla_started_at",
          "sla_deadline",
          "sla_decided_at",
          "accepted_at",
          "rejected_at",
          "converted_at",
          "recycled_at");

  public static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CycleRows() {}

  /** Where one cycle of a lead stands, in hours from a base instant. */
  public static final class Plan {
    final String lead;
    final int cycle;
    final Instant base;
    final Map<String, Instant> times = new LinkedHashMap<>();
    public Duration acceptance = Duration.ofHours(24);

    public Plan(String lead, int cycle, Instant base) {
      this.lead = lead;
      this.cycle = cycle;
      this.base = base;
    }

    private Plan set(String column, double hours) {
      times.put(column, base.plusSeconds(Math.round(hours * 3600)));
      return this;
    }

    public Plan handedOff(double h) {
      return set("handed_off_at", h);
    }

    /** First entry into QUALIFIED: the cycle's qualification and the start of its clock. */
    public Plan qualified(double h) {
      set("qualified_at", h);
      return set("sla_started_at", h);
    }

    /** The clock restarted (an overturned rejection); the cycle's qualification stays. */
    public Plan clockRestarted(double h) {
      return set("sla_started_at", h);
    }

    public Plan acceptance(Duration allowed) {
      this.acceptance = allowed;
      return this;
    }

    public Plan accepted(double h) {
      return set("accepted_at", h);
    }

    public Plan rejected(double h) {
      return set("rejected_at", h);
    }

    public Plan converted(double h) {
      return set("converted_at", h);
    }

    public Plan recycled(double h) {
      return set("recycled_at", h);
    }

    /** The clock of a qualified cycle, derived from its moves: answered by the first answer. */
    Map<String, Instant> columns() {
      Map<String, Instant> all = new LinkedHashMap<>(times);
      Instant started = all.get("sla_started_at");
      if (started != null) {
        all.putIfAbsent("sla_deadline", started.plus(acceptance));
        Instant accepted = all.get("accepted_at");
        Instant rejected = all.get("rejected_at");
        Instant answer = accepted != null ? accepted : rejected;
        if (answer != null) {
          all.put("sla_decided_at", answer);
        }
      }
      return all;
    }

    Instant at(String column) {
      return columns().get(column);
    }
  }

  /**
   * Checks that the cycle's row holds exactly the planned times, and null where none is planned.
   */
  public static void check(AgroalDataSource db, Plan plan) throws SQLException {
    Map<String, Instant> columns = plan.columns();
    Map<String, Object> row = row(db, plan.lead, plan.cycle);
    for (String column : TIMES) {
      assertEquals(
          columns.get(column),
          instant(row.get(column)),
          "lead_cycle " + plan.lead + "/" + plan.cycle + ": " + column + " of row " + row);
    }
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    throw new AssertionError("not a timestamptz: " + value.getClass());
  }

  public static Map<String, Object> row(AgroalDataSource db, String lead, int cycle)
      throws SQLException {
    try (Connection connection = db.getConnection()) {
      return row(connection, lead, cycle);
    }
  }

  private static Map<String, Object> row(Connection connection, String lead, int cycle)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT * FROM lead_cycle WHERE lead_id = ?::uuid AND cycle = ?")) {
      select.setString(1, lead);
      select.setInt(2, cycle);
      try (ResultSet result = select.executeQuery()) {
        assertTrue(result.next(), "no lead_cycle row " + lead + "/" + cycle);
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
          row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
        }
        return row;
      }
    }
  }
}
