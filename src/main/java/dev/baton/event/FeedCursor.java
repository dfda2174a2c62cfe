package dev.baton.event;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change feed: the (transaction, id) of the last event read. Opaque to clients.
 */
record FeedCursor(long txid, long id) {

  static final FeedCursor START = new FeedCursor(0, 0);

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("f1:" + txid + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent, or START; IllegalArgumentException if it is not one of ours. */
  static FeedCursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return START;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      if (parts.length != 3 || !parts[0].equals("f1")) {
        throw new IllegalArgumentException("not a feed cursor");
      }
      FeedCursor decoded = new FeedCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      if (decoded.txid < 0 || decoded.id < 0) {
        throw new IllegalArgumentException("not a feed cursor");
      }
      return decoded;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a feed cursor", e);
    }
  }
}
