package dev.baton.reports;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Aggregate queries on the transaction's connection, answered as rows of column → value. */
final class Rows {

  private Rows() {}

  /**
   * Makes the transaction's reads one snapshot, so that a report's figures agree, and gives its
   * sorts (medians, percentiles) the memory to stay off disk.
   */
  static void snapshot(EntityManager em) {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (var statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                statement.execute("SET LOCAL work_mem = '64MB'");
              }
            });
  }

  static List<Map<String, Object>> query(EntityManager em, String sql, Object... values) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                  Object value = values[i];
                  statement.setObject(
                      i + 1,
                      value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                  ResultSetMetaData meta = result.getMetaData();
                  while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                      row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                  }
                }
                return rows;
              }
            });
  }

  static long count(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /**
   * A number of seconds as hours, rounded half up to the hundredth; null when nothing to measure.
   */
  static BigDecimal hours(Map<String, Object> row, String column) {
    Object value = row.get(column);
    // Divided in decimal, not in floating point: the half-up rounding applies to the exact
    // quotient of the seconds PostgreSQL computed, not to a binary approximation of it.
    return value == null
        ? null
        : BigDecimal.valueOf(((Number) value).doubleValue())
            .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
  }

  /**
   * Whether numerator / denominator reaches the target, on the exact values: numerator ≥ target ×
   * denominator, never on the rounded rate (2 / 3 is shown as 0.6667 and misses a target of
   * 0.6667). Null when there is no target or the rate is undefined.
   */
  static Boolean atLeast(long numerator, long denominator, BigDecimal target) {
    if (target == null || denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator).compareTo(target.multiply(BigDecimal.valueOf(denominator)))
        >= 0;
  }

  /**
   * numerator / denominator rounded half up to four decimals; null when the denominator is zero.
   */
  static BigDecimal rate(long numerator, long denominator) {
    return denominator == 0
        ? null
        : BigDecimal.valueOf(numerator)
            .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
  }
}
