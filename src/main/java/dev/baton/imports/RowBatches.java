package dev.baton.imports;

import dev.baton.imports.ImportBatches.Row;
import dev.baton.imports.Records.Position;
import dev.baton.imports.Records.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A job's rows in batches, read and parsed on a thread of their own at most two batches ahead of
 * the writer: the next batch is parsed, played and rendered while PostgreSQL writes this one. A
 * failure of the reading thread reaches the writer with the batch it was reading.
 */
final class RowBatches implements AutoCloseable {

  /** A batch of rows, and where the row after them starts: the job's checkpoint once written. */
  record Batch(List<Row> rows, Position next) {}

  /** The time the rows of a batch are judged at. */
  interface Clock {
    Instant now();
  }

  private static final Object END = new Object();

  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
  private final Thread reader;

  RowBatches(Records records, RowPlayer player, Clock clock, long rowsBefore, int size) {
    this.reader = new Thread(() -> read(records, player, clock, rowsBefore, size), "import-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next batch, or null at the end of the file. */
  Batch next() {
    Object next;
    try {
      next = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the import's rows", e);
    }
    if (next == END) {
      return null;
    }
    if (next instanceof RuntimeException e) {
      throw e;
    }
    if (next instanceof Error e) {
      throw e;
    }
    return (Batch) next;
  }

  @Override
  public void close() {
    reader.interrupt();
  }

  private void read(Records records, RowPlayer player, Clock clock, long rowsBefore, int size) {
    long number = rowsBefore;
    try {
      boolean end = false;
      while (!end) {
        List<Row> rows = new ArrayList<>(size);
        Instant now = clock.now();
        Position next = null;
        while (rows.size() < size) {
          Record record = records.next();
          if (record == null) {
            end = true;
            break;
          }
          next = record.next();
          if (!record.blank()) {
            number++;
            rows.add(player.row(number, record, now));
          }
        }
        if (next != null) {
          ready.put(new Batch(rows, next));
        }
      }
      ready.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the writer stopped: nothing more to read
    } catch (RuntimeException | Error e) {
      ready.offer(e);
    }
  }
}
