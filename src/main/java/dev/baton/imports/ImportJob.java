package dev.baton.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An import job (table import_job): its file's size, where its rows stand, and who runs it. The
 * runner writes the checkpoint and the counts with each batch, by SQL ({@link ImportRunner}); this
 * entity is how the API reads and creates jobs.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

  // Named in the contract after imports: plain "State" would push the webhook's State to "State1".
  @Schema(name = "ImportState")
  public enum State {
    UPLOADING,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    boolean ended() {
      return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
  }

  @Schema(name = "ImportFormat")
  public enum Format {
    NDJSON,
    CSV
  }

  /** What becomes of a row whose person already has an open lead, or whose external id is taken. */
  @Schema(name = "ImportDuplicates")
  public enum Duplicates {
    REFUSE,
    SKIP,
    UPDATE
  }

  @Id UUID id;

  @Column(name = "owner_key_id", nullable = false)
  UUID ownerKeyId;

  @Column(name = "owner_name", nullable = false)
  String ownerName;

  @Column(name = "idempotency_key")
  String idempotencyKey;

  @Column(name = "body_sha256")
  String bodySha256;

  @Enumerated(EnumType.STRING)
  Format format;

  @Enumerated(EnumType.STRING)
  Duplicates duplicates;

  @Enumerated(EnumType.STRING)
  State state;

  long bytes;
  int chunks;

  @Column(name = "rows_read")
  long rowsRead;

  @Column(name = "rows_created")
  long rowsCreated;

  @Column(name = "rows_updated")
  long rowsUpdated;

  @Column(name = "rows_skipped")
  long rowsSkipped;

  @Column(name = "rows_refused")
  long rowsRefused;

  String error;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "started_at")
  Instant startedAt;

  @Column(name = "finished_at")
  Instant finishedAt;

  protected ImportJob() {}

  ImportJob(
      UUID ownerKeyId,
      String ownerName,
      String idempotencyKey,
      Format format,
      Duplicates duplicates,
      Instant now) {
    this.id = UUID.randomUUID();
    this.ownerKeyId = ownerKeyId;
    this.ownerName = ownerName;
    this.idempotencyKey = idempotencyKey;
    this.format = format;
    this.duplicates = duplicates;
    this.state = State.UPLOADING;
    this.createdAt = now;
  }
}
