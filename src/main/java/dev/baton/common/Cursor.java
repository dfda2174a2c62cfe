package dev.baton.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position: the sort key of the last row of a page. Clients must not build or read
 * cursors; the encoding may change.
 */
public record Cursor(Instant at, UUID id) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public String encode() {
    String raw = at.toEpochMilli() + ":" + at.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position after which to read, or null for the first page. */
  public static Cursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 3);
      Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
      at = at.plusNanos(Integer.parseInt(parts[1]) - at.getNano());
      return new Cursor(at, UUID.fromString(parts[2]));
    } catch (RuntimeException e) {
      throw ProblemException.invalid(
          "cursor", "is not a cursor returned by this list; start again without it");
    }
  }

  /** Parses {@code ?limit=}: 1 to 200, 50 when absent. */
  public static int limit(String limit) {
    if (limit == null || limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
  }
}
