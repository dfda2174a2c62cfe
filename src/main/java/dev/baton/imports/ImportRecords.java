package dev.baton.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.baton.imports.ImportJob.Duplicates;
import dev.baton.imports.ImportJob.Format;
import dev.baton.imports.ImportJob.State;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Import jobs on the wire. */
public final class ImportRecords {

  private ImportRecords() {}

  @Schema(
      name = "ImportJob",
      description =
          "An import of leads with their past: its state and progress; `results` once it ended")
  public record ImportJobView(
      @Schema(required = true) UUID id,
      @Schema(
              required = true,
              description =
                  "UPLOADING while the file comes in, QUEUED until a replica takes it, RUNNING,"
                      + " then SUCCEEDED, FAILED (see `error`) or CANCELLED")
          State state,
      @Schema(required = true) Format format,
      @Schema(required = true, description = "The duplicate policy of the job")
          Duplicates duplicates,
      @Schema(required = true, description = "Size of the uploaded file in bytes") long bytes,
      @Schema(required = true, description = "Rows read so far") long rowsRead,
      @Schema(required = true, description = "Rows that created a lead") long rowsCreated,
      @Schema(required = true, description = "Duplicate rows that updated the existing lead")
          long rowsUpdated,
      @Schema(required = true, description = "Duplicate rows skipped") long rowsSkipped,
      @Schema(required = true, description = "Rows refused, each with its problem in the results")
          long rowsRefused,
      @Schema(description = "Why the job failed") String error,
      @Schema(required = true) Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      @Schema(description = "Where the per-row results are, once the job ended") String results) {

    static ImportJobView of(ImportJob job) {
      return new ImportJobView(
          job.id,
          job.state,
          job.format,
          job.duplicates,
          job.bytes,
          job.rowsRead,
          job.rowsCreated,
          job.rowsUpdated,
          job.rowsSkipped,
          job.rowsRefused,
          job.error,
          job.createdAt,
          job.startedAt,
          job.finishedAt,
          job.state.ended() ? "/api/v1/imports/" + job.id + "/results" : null);
    }
  }

  /** What became of one row; a line of the results file. */
  @Schema(name = "ImportOutcome")
  public enum Outcome {
    CREATED,
    UPDATED,
    SKIPPED,
    REFUSED
  }

  @Schema(
      name = "ImportRowResult",
      description =
          "One line of an import's results: the row's number (1 for the first row)"
              + " and its lead, or the problem refusing it")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RowResult(
      @Schema(required = true) long row,
      @Schema(required = true) Outcome outcome,
      @Schema(description = "The lead created, updated, or that a skipped row duplicates")
          UUID leadId,
      @Schema(implementation = dev.baton.problem.Problem.class) @JsonRawValue String problem) {}
}
