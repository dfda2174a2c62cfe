package dev.baton.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text COPY reads: instants as ISO times, nulls, escapes. */
class CopyRowsTest {

  @Test
  void instantsAreWrittenAsTheirIsoForm() {
    List<Instant> times =
        List.of(
            Instant.parse("2025-11-20T00:57:13Z"),
            Instant.parse("2026-01-02T03:04:05.5Z"),
            Instant.parse("2024-02-29T23:59:59.123456Z"),
            Instant.parse("1999-12-31T09:08:07.000000001Z"),
            Instant.parse("0900-06-01T00:00:00Z"),
            Instant.parse("+12000-06-01T00:00:00Z"));
    for (Instant time : times) {
      CopyRows rows = new CopyRows();
      rows.last(time);
      String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
      assertEquals(iso + "\n", rows.text(), time.toString());
      assertEquals(time, Instant.parse(rows.text().strip()));
    }
  }

  @Test
  void valuesNullsAndEscapes() {
    CopyRows rows = new CopyRows();
    rows.add(null).add(true).add(new BigDecimal("1E+3")).last("a\tb\\c\nd\re");
    assertEquals("\\N\tt\t1000\ta\\tb\\\\c\\nd\\re\n", rows.text());
  }

  @Test
  void textIsWrittenAsUtf8() {
    String text = "Zoë, 東京, €5 and 😀";
    CopyRows rows = new CopyRows(4);
    rows.last(text);
    assertArrayEquals((text + "\n").getBytes(StandardCharsets.UTF_8), rows.take());
    assertTrue(rows.isEmpty());
    assertEquals("", rows.text());
  }
}
