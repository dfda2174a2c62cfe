package dev.baton.imports;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The records of an uploaded file, read chunk by chunk from where a job stopped: NDJSON lines, or
 * CSV records (a line break inside a quoted field does not end one). Each record comes with the
 * position just after it, which the runner commits with the batch as its checkpoint.
 */
final class Records {

  /** A position in the file: a chunk and a byte offset in it. */
  record Position(int chunk, int offset) {
    static final Position START = new Position(0, 0);
  }

  /** A record's bytes (without its line break), or {@code tooLong} when it passed the limit. */
  record Record(byte[] bytes, boolean tooLong, Position next) {
    boolean blank() {
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return !tooLong;
    }
  }

  /** The longest record read: a row over 1 MiB is refused, as a request body over it would be. */
  static final int MAX_RECORD = 1024 * 1024;

  private final IntFunction<byte[]> chunks;
  private final int count;
  private final boolean csv;
  private byte[] buffer;
  private int chunk;
  private int offset;

  /** {@code chunks}: chunk {@code i} of {@code count}, loaded when the reader reaches it. */
  Records(IntFunction<byte[]> chunks, int count, Position from, boolean csv) {
    this.chunks = chunks;
    this.count = count;
    this.csv = csv;
    this.chunk = from.chunk();
    this.offset = from.offset();
  }

  /** The next record, or null at the end of the file. */
  Record next() {
    ByteArrayOutputStream record = new ByteArrayOutputStream(0);
    boolean quoted = false;
    boolean tooLong = false;
    boolean any = false;
    while (load()) {
      byte[] data = buffer;
      int start = offset;
      int i = start;
      for (; i < data.length; i++) {
        byte b = data[i];
        if (b == '"' && csv) {
          quoted = !quoted;
        } else if (b == '\n' && !quoted) {
          break;
        }
      }
      any = true;
      if (i < data.length && record.size() == 0 && !tooLong && i - start <= MAX_RECORD) {
        offset = i + 1; // the whole record in this chunk: copied once
        return done(Arrays.copyOfRange(data, start, i), false);
      }
      if (!tooLong) {
        record.write(data, start, i - start);
        if (record.size() > MAX_RECORD) {
          tooLong = true;
          record.reset();
        }
      }
      if (i < data.length) {
        offset = i + 1;
        return done(record.toByteArray(), tooLong);
      }
      offset = data.length;
    }
    return any ? done(record.toByteArray(), tooLong) : null;
  }

  private Record done(byte[] record, boolean tooLong) {
    if (buffer != null && offset >= buffer.length && chunk < count) {
      chunk++;
      offset = 0;
      buffer = null;
    }
    return new Record(record, tooLong, new Position(chunk, offset));
  }

  /** Makes the current chunk's next byte readable; false at the end of the file. */
  private boolean load() {
    while (chunk < count) {
      if (buffer == null) {
        buffer = chunks.apply(chunk);
      }
      if (offset < buffer.length) {
        return true;
      }
      chunk++;
      offset = 0;
      buffer = null;
    }
    return false;
  }
}
