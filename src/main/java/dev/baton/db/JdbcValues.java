package dev.baton.db;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Values to and from JDBC for {@link Pipeline}: what it binds, and the rows it answers. */
final class JdbcValues {

  private JdbcValues() {}

  /**
   * The rows of a query, a column as JDBC's {@code getObject} answers it, but an array as a Java
   * array and a {@code timestamptz} as an {@link Instant}: read as an offset date-time, without
   * {@code getTimestamp}'s calendar arithmetic, which a page of leads would do hundreds of times.
   */
  static List<Object[]> rows(ResultSet results) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    ResultSetMetaData meta = results.getMetaData();
    int columns = meta.getColumnCount();
    boolean[] instants = new boolean[columns];
    for (int i = 0; i < columns; i++) {
      instants[i] = "timestamptz".equals(meta.getColumnTypeName(i + 1));
    }
    while (results.next()) {
      Object[] row = new Object[columns];
      for (int i = 0; i < columns; i++) {
        if (instants[i]) {
          OffsetDateTime at = results.getObject(i + 1, OffsetDateTime.class);
          row[i] = at == null ? null : at.toInstant();
        } else {
          Object value = results.getObject(i + 1);
          row[i] = value instanceof Array array ? array.getArray() : value;
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Binds a value: a null untyped, so that PostgreSQL types it from its column; an {@link Instant}
   * as a {@code timestamptz}.
   */
  static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.OTHER);
    } else if (value instanceof Instant instant) {
      statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    } else {
      statement.setObject(index, value);
    }
  }
}
