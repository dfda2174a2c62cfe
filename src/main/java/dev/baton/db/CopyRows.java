package dev.baton.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;

/**
 * Rows in the text format of PostgreSQL's {@code COPY}: columns separated by tabs, one row per
 * line, {@code \N} for null, and backslash, tab, newline and carriage return escaped.
 */
public final class CopyRows {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final StringBuilder text;
  private boolean empty = true;

  public CopyRows() {
    this(64 * 1024);
  }

  /** Rows expected to take about {@code capacity} characters. */
  public CopyRows(int capacity) {
    this.text = new StringBuilder(capacity);
  }

  /** Columns or rows already in this format ({@link #text()} of other rows). */
  public CopyRows raw(String rows) {
    text.append(rows);
    if (rows.endsWith("\n")) {
      empty = false;
    }
    return this;
  }

  public CopyRows add(Object value) {
    append(value);
    text.append('\t');
    return this;
  }

  /** The row's last column. */
  public void last(Object value) {
    append(value);
    text.append('\n');
    empty = false;
  }

  public boolean isEmpty() {
    return empty;
  }

  public String text() {
    return text.toString();
  }

  private void append(Object value) {
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof Instant instant) {
      time(instant);
    } else if (value instanceof java.math.BigDecimal decimal) {
      text.append(decimal.toPlainString());
    } else if (value instanceof Boolean bool) {
      text.append(bool ? 't' : 'f');
    } else {
      escape(value.toString());
    }
  }

  /** As {@code 2025-11-20T00:57:13.5Z}: what ISO formatting gives, written without it. */
  private void time(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      text.append(TIME.format(instant.atOffset(ZoneOffset.UTC)));
      return;
    }
    text.append(t.getYear()).append('-');
    two(t.getMonthValue()).append('-');
    two(t.getDayOfMonth()).append('T');
    two(t.getHour()).append(':');
    two(t.getMinute()).append(':');
    two(t.getSecond());
    int nanos = instant.getNano();
    if (nanos != 0) {
      String digits = Integer.toString(nanos + 1_000_000_000);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(digits, 1, end);
    }
    text.append('Z');
  }

  private StringBuilder two(int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private void escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }

  /** Copies the rows into {@code table} (with its column list) on the transaction's connection. */
  public void copyInto(Connection connection, String table) throws SQLException {
    if (empty) {
      return;
    }
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY " + table + " FROM STDIN", new StringReader(text.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
