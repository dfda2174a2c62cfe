package dev.baton.imports;

import dev.baton.config.BatonConfig;
import dev.baton.imports.ImportJob.Duplicates;
import dev.baton.imports.ImportJob.Format;
import dev.baton.imports.ImportJob.State;
import dev.baton.imports.ImportRecords.ImportJobView;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes an import's file as it streams in: 1 MiB at a time, each chunk stored in its own short
 * transaction, so that the heap holds one chunk whatever the file's size. A CSV header is checked
 * before anything is stored. Under an {@code Idempotency-Key} a retry of the same file answers the
 * job the first upload made; another file under the same key is 422.
 */
@ApplicationScoped
class ImportUpload {

  static final int CHUNK = 1024 * 1024;

  private final ImportJobs jobs;
  private final long maxSize;
  private final Duration lease;

  ImportUpload(ImportJobs jobs, BatonConfig config) {
    this.jobs = jobs;
    this.maxSize = config.imports().maxSize().asLongValue();
    // A chunk is 1 MiB: an upload slower than that every ten claims is taken for dead.
    this.lease = config.imports().claim().multipliedBy(10);
  }

  /** The job, and whether this upload made it (false: an idempotent replay). */
  record Uploaded(ImportJobView job, boolean created) {}

  Uploaded upload(Caller caller, String key, Format format, Duplicates duplicates, InputStream body)
      throws IOException {
    MessageDigest sha = sha256();
    byte[] first = body.readNBytes(CHUNK);
    if (format == Format.CSV) {
      CsvRows.header(firstLine(first));
    }
    Optional<ImportJob> existing = jobs.existing(caller, key);
    if (existing.isPresent()) {
      return new Uploaded(replay(existing.get(), first, body, sha), false);
    }
    ImportJob job;
    try {
      job = jobs.create(caller, key, format, duplicates, lease);
    } catch (PersistenceException e) {
      throw inFlight();
    }
    long bytes = 0;
    int seq = 0;
    try {
      for (byte[] chunk = first; chunk.length > 0; chunk = body.readNBytes(CHUNK)) {
        bytes += chunk.length;
        if (bytes > maxSize) {
          jobs.abandon(job.id, "the file exceeds " + maxSize + " bytes");
          throw new ProblemException(
              ProblemType.PAYLOAD_TOO_LARGE,
              "An import takes files of at most " + maxSize + " bytes");
        }
        sha.update(chunk);
        jobs.storeChunk(job.id, seq++, chunk, lease);
      }
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof ProblemException)) {
        jobs.abandon(job.id, "the upload broke off after " + bytes + " bytes");
      }
      throw e;
    }
    return new Uploaded(
        jobs.queue(job.id, bytes, seq, HexFormat.of().formatHex(sha.digest())), true);
  }

  /** The same key again: the same file answers the first job; another is refused. */
  private ImportJobView replay(ImportJob job, byte[] first, InputStream body, MessageDigest sha)
      throws IOException {
    if (job.state == State.UPLOADING) {
      throw inFlight();
    }
    for (byte[] chunk = first; chunk.length > 0; chunk = body.readNBytes(CHUNK)) {
      sha.update(chunk);
    }
    if (!HexFormat.of().formatHex(sha.digest()).equals(job.bodySha256)) {
      throw new ProblemException(
          ProblemType.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used for another import file");
    }
    return jobs.get(job.id);
  }

  private static ProblemException inFlight() {
    return new ProblemException(
        ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
        "An import with this Idempotency-Key is still being uploaded");
  }

  private static String firstLine(byte[] chunk) {
    int end = 0;
    while (end < chunk.length && chunk[end] != '\n') {
      end++;
    }
    String line = new String(chunk, 0, end, StandardCharsets.UTF_8);
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
