package dev.baton.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One CSV record (RFC 4180): fields separated by commas, a field quoted when it holds a comma, a
 * quote or a line break, its quotes doubled; CRLF at the end. An absent value is an empty field.
 * Values are written as stored: no spreadsheet-formula escaping, which would change a phone number
 * such as {@code +33 1 23 45 67 89} (DESIGN.md, "Exports").
 */
final class Csv {

  private final StringBuilder line = new StringBuilder(512);

  Csv add(String value) {
    if (!line.isEmpty()) {
      line.append(',');
    }
    if (value == null) {
      return this;
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      line.append(value);
    } else {
      line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return this;
  }

  Csv add(Object value) {
    if (value == null) {
      return add((String) null);
    }
    if (value instanceof BigDecimal decimal) {
      return add(decimal.toPlainString());
    }
    if (value instanceof Instant instant) {
      return add(instant.toString());
    }
    return add(value.toString());
  }

  /** The record, CRLF-terminated, in UTF-8. */
  byte[] bytes() {
    return line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] header(String... names) {
    Csv csv = new Csv();
    for (String name : names) {
      csv.add(name);
    }
    return csv.bytes();
  }
}
