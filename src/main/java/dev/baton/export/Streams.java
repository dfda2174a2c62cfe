package dev.baton.export;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Writing an export into an answer already under way: its status and headers are sent, so a failure
 * can no longer become a problem+json. The answer is then cut off (no final chunk), which every
 * HTTP client reports as an incomplete transfer; the client resumes with {@code after}.
 */
final class Streams {

  private static final Logger LOG = Logger.getLogger(Streams.class);

  private Streams() {}

  static void write(Snapshots snapshots, Snapshots.Work work) throws IOException {
    try {
      snapshots.read(work);
    } catch (SQLException e) {
      LOG.error("Export cut off by a database error", e);
      throw new IOException("export cut off by a database error", e);
    }
  }

  /** A JSON document and its line feed. */
  static byte[] line(byte[] json) {
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }
}
