package dev.baton.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN} fed piece by piece, in the text format of {@link CopyRows}: rows
 * rendered ahead go to PostgreSQL as they are, never gathered into one text first.
 */
public final class CopyStream implements AutoCloseable {

  private final CopyIn copy;
  private boolean ended;

  private CopyStream(CopyIn copy) {
    this.copy = copy;
  }

  /** Starts copying into {@code table} (with its column list) on the transaction's connection. */
  public static CopyStream into(Connection connection, String table) throws SQLException {
    return new CopyStream(
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN"));
  }

  /** Rows, or columns of a row, already in the text format. */
  public CopyStream write(byte[] text) throws SQLException {
    copy.writeToCopy(text, 0, text.length);
    return this;
  }

  /** A column written by {@link CopyRows} and followed by a tab. */
  public CopyStream column(Object value) throws SQLException {
    CopyRows one = new CopyRows(48);
    one.add(value);
    return write(one.take());
  }

  /** Ends the copy: its rows are written (in the transaction). */
  public void end() throws SQLException {
    ended = true;
    copy.endCopy();
  }

  @Override
  public void close() throws SQLException {
    if (!ended && copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
