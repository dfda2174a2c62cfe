package dev.baton.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * An opaque keyset position: the sort key of the last row of a page. Clients must not build or read
 * cursors; the encoding may change.
 */
public record Cursor(Instant at, UUID id) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  public String encode() {
    String raw = at.toEpochMilli() + ":" + at.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position after which to read, or null for the first page; IllegalArgumentException if
   * forged.
   */
  public static Cursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 3);
      Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
      at = at.plusNanos(Integer.parseInt(parts[1]) - at.getNano());
      if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
        throw new IllegalArgumentException("outside the stored range");
      }
      return new Cursor(at, UUID.fromString(parts[2]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a cursor", e);
    }
  }

  /** The page of {@code rows} (fetched with one extra row), with the next cursor if more remain. */
  public static <E, V> Page<V> page(
      List<E> rows, int limit, Function<E, Cursor> position, Function<E, V> view) {
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = position.apply(rows.get(limit - 1)).encode();
    }
    return new Page<>(rows.stream().map(view).toList(), next);
  }
}
