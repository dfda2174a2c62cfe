package dev.baton.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads for the exports, in plain JDBC on the pool's connections: the rows of a query are fetched
 * from a server-side cursor {@link #FETCH_SIZE} at a time, inside one read-only REPEATABLE READ
 * transaction, so that a download of a million rows holds a thousand at most and sees one
 * consistent state of the database (DESIGN.md, "Exports").
 */
@ApplicationScoped
public class Snapshots {

  /** Rows fetched from the cursor at a time: the most an export holds in memory. */
  static final int FETCH_SIZE = 1000;

  /** What is done with each row; the row is valid only during the call. */
  @FunctionalInterface
  interface RowSink {
    void accept(ResultSet row) throws SQLException, IOException;
  }

  /** Work done inside the snapshot. */
  @FunctionalInterface
  interface Work {
    void run(Snapshot snapshot) throws SQLException, IOException;
  }

  /** One open snapshot: its queries all see the database as it was at the first one. */
  static final class Snapshot {

    private final Connection connection;

    private Snapshot(Connection connection) {
      this.connection = connection;
    }

    /** One value of the first row of a query, read in the snapshot. */
    long single(String sql) throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(sql)) {
        row.next();
        return row.getLong(1);
      }
    }

    /** Every row of the query, in order, through a cursor. */
    void each(String sql, List<Object> parameters, RowSink sink) throws SQLException, IOException {
      try (PreparedStatement statement =
          connection.prepareStatement(
              sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        statement.setFetchSize(FETCH_SIZE);
        bind(connection, statement, parameters);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            sink.accept(rows);
          }
        }
      }
    }
  }

  private final DataSource dataSource;

  public Snapshots(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs {@code work} in a read-only REPEATABLE READ transaction, rolled back at the end (it wrote
   * nothing). With autocommit off, the PostgreSQL driver keeps the cursor open on the server and
   * fetches it in steps; with autocommit on it would read the whole result first.
   */
  void read(Work work) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          // Only this transaction: the pooled connection keeps its own defaults.
          statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        work.run(new Snapshot(connection));
      } finally {
        try {
          connection.rollback();
        } finally {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** The first row of a query with one parameter, read outside any snapshot; null if none. */
  <T> T lookup(String sql, Object parameter, RowReader<T> reader) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(connection, statement, List.of(parameter));
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? reader.read(row) : null;
      }
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, List<Object> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof List<?> list) {
        statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
      } else if (value instanceof Instant instant) {
        statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
