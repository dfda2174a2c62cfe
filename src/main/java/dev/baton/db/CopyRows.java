package dev.baton.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in the text format of PostgreSQL's {@code COPY}: columns separated by tabs, one row per
 * line, {@code \N} for null, and backslash, tab, newline and carriage return escaped. The rows are
 * kept as the UTF-8 bytes PostgreSQL reads: no text is copied on its way to the connection.
 */
public final class CopyRows {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private byte[] bytes;
  private int length;
  private boolean empty = true;

  public CopyRows() {
    this(64 * 1024);
  }

  /** Rows expected to take about {@code capacity} bytes. */
  public CopyRows(int capacity) {
    this.bytes = new byte[Math.max(capacity, 16)];
  }

  public CopyRows add(Object value) {
    append(value);
    put((byte) '\t');
    return this;
  }

  /** The row's last column. */
  public void last(Object value) {
    append(value);
    put((byte) '\n');
    empty = false;
  }

  public boolean isEmpty() {
    return empty;
  }

  public String text() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** The rows written so far, as PostgreSQL reads them; this is emptied for the next ones. */
  public byte[] take() {
    byte[] taken = Arrays.copyOf(bytes, length);
    length = 0;
    empty = true;
    return taken;
  }

  /** Copies the rows into {@code table} (with its column list) on the transaction's connection. */
  public void copyInto(Connection connection, String table) throws SQLException {
    if (empty) {
      return;
    }
    CopyIn copy =
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
    try {
      copy.writeToCopy(bytes, 0, length);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private void append(Object value) {
    if (value == null) {
      put((byte) '\\');
      put((byte) 'N');
    } else if (value instanceof Instant instant) {
      time(instant);
    } else if (value instanceof BigDecimal decimal) {
      escape(decimal.toPlainString());
    } else if (value instanceof Boolean bool) {
      put((byte) (bool ? 't' : 'f'));
    } else {
      escape(value.toString());
    }
  }

  /** As {@code 2025-11-20T00:57:13.5Z}: what ISO formatting gives, written without it. */
  private void time(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      escape(TIME.format(instant.atOffset(ZoneOffset.UTC)));
      return;
    }
    digits(t.getYear(), 4);
    put((byte) '-');
    digits(t.getMonthValue(), 2);
    put((byte) '-');
    digits(t.getDayOfMonth(), 2);
    put((byte) 'T');
    digits(t.getHour(), 2);
    put((byte) ':');
    digits(t.getMinute(), 2);
    put((byte) ':');
    digits(t.getSecond(), 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      int places = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        places--;
      }
      put((byte) '.');
      digits(nanos, places);
    }
    put((byte) 'Z');
  }

  private void digits(int value, int places) {
    room(places);
    for (int i = places - 1; i >= 0; i--) {
      bytes[length + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += places;
  }

  private void escape(String value) {
    room(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> pair('\\');
        case '\t' -> pair('t');
        case '\n' -> pair('n');
        case '\r' -> pair('r');
        default -> {
          if (c < 0x80) {
            put((byte) c);
          } else if (c < 0x800) {
            put((byte) (0xC0 | c >> 6));
            put((byte) (0x80 | c & 0x3F));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            int point = Character.toCodePoint(c, value.charAt(++i));
            put((byte) (0xF0 | point >> 18));
            put((byte) (0x80 | point >> 12 & 0x3F));
            put((byte) (0x80 | point >> 6 & 0x3F));
            put((byte) (0x80 | point & 0x3F));
          } else if (Character.isSurrogate(c)) {
            put((byte) '?'); // a lone surrogate, as String.getBytes(UTF_8) writes it
          } else {
            put((byte) (0xE0 | c >> 12));
            put((byte) (0x80 | c >> 6 & 0x3F));
            put((byte) (0x80 | c & 0x3F));
          }
        }
      }
    }
  }

  private void pair(char escaped) {
    put((byte) '\\');
    put((byte) escaped);
  }

  private void put(byte b) {
    if (length == bytes.length) {
      room(1);
    }
    bytes[length++] = b;
  }

  private void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
