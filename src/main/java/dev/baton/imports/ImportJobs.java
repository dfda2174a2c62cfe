package dev.baton.imports;

import dev.baton.db.BatonClock;
import dev.baton.imports.ImportJob.Duplicates;
import dev.baton.imports.ImportJob.Format;
import dev.baton.imports.ImportJob.State;
import dev.baton.imports.ImportRecords.ImportJobView;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Import jobs as the API sees them: created with the upload, each chunk of the file stored in a
 * short transaction of its own (a long one would hold back the feed's horizon for everyone), then
 * queued for the runner; read; cancelled.
 */
@ApplicationScoped
class ImportJobs {

  private final EntityManager em;
  private final BatonClock clock;

  ImportJobs(EntityManager em, BatonClock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** A new job, uploading; or the job this caller already made under this idempotency key. */
  Optional<ImportJob> existing(Caller caller, String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createQuery(
                        "from ImportJob where ownerKeyId = ?1 and idempotencyKey = ?2",
                        ImportJob.class)
                    .setParameter(1, caller.keyId())
                    .setParameter(2, idempotencyKey)
                    .getResultStream()
                    .findFirst());
  }

  ImportJob create(
      Caller caller, String idempotencyKey, Format format, Duplicates duplicates, Duration lease) {
    ImportJob job =
        new ImportJob(
            caller.keyId(), caller.name(), idempotencyKey, format, duplicates, clock.now());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.persist(job);
              em.flush();
              lease(job.id, lease);
            });
    return job;
  }

  /**
   * Stores a chunk of the file and renews the upload's lease: a replica that stops storing chunks
   * (it died) lets the lease run out, and the job fails ({@link #failStalledUploads}).
   */
  void storeChunk(UUID job, int seq, byte[] data, Duration lease) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (lease(job, lease) == 0) {
                throw new IllegalStateException("the upload stalled and its job failed");
              }
              em.createNativeQuery(
                      "INSERT INTO import_chunk (job_id, seq, data) VALUES (?1, ?2, ?3)")
                  .setParameter(1, job)
                  .setParameter(2, seq)
                  .setParameter(3, data)
                  .executeUpdate();
            });
  }

  /**
   * The upload's lease runs until {@code lease} from now; 0 when the job is no longer uploading.
   */
  private int lease(UUID job, Duration lease) {
    return em.createNativeQuery(
            "UPDATE import_job SET claimed_until = now() + make_interval(secs => ?1)"
                + " WHERE id = ?2 AND state = 'UPLOADING'")
        .setParameter(1, lease.toSeconds())
        .setParameter(2, job)
        .executeUpdate();
  }

  /** Fails the uploads whose lease ran out (their replica died), and drops what they stored. */
  int failStalledUploads() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<?> failed =
                  em.createNativeQuery(
                          "UPDATE import_job SET state = 'FAILED', claimed_until = NULL,"
                              + " finished_at = now(), error = 'the upload stopped: the replica"
                              + " receiving it went away; upload the file again'"
                              + " WHERE state = 'UPLOADING' AND claimed_until < now() RETURNING id")
                      .getResultList();
              for (Object id : failed) {
                deleteChunks((UUID) id);
              }
              return failed.size();
            });
  }

  /** The upload is complete: the job waits for a runner. */
  ImportJobView queue(UUID id, long bytes, int chunks, String sha256) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ImportJob job = em.find(ImportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
              job.bytes = bytes;
              job.chunks = chunks;
              job.bodySha256 = sha256;
              if (job.state == State.UPLOADING) {
                job.state = chunks == 0 ? State.SUCCEEDED : State.QUEUED;
                job.finishedAt = chunks == 0 ? clock.now() : null;
              }
              return ImportJobView.of(job);
            });
  }

  /** An upload that broke off: the job fails, its chunks go. */
  void abandon(UUID id, String why) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ImportJob job = em.find(ImportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
              job.state = State.FAILED;
              job.error = why;
              job.finishedAt = clock.now();
              deleteChunks(id);
            });
  }

  ImportJobView get(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> ImportJobView.of(find(id)));
  }

  /** Stops the job after the batch running now; what was written stays. */
  ImportJobView cancel(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ImportJob job = em.find(ImportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
              if (job == null) {
                throw ProblemException.notFound("import", id);
              }
              if (job.state.ended()) {
                throw new ProblemException(
                        ProblemType.IMPORT_ENDED, "This import already ended: " + job.state)
                    .with("state", job.state);
              }
              job.state = State.CANCELLED;
              job.finishedAt = clock.now();
              deleteChunks(id);
              return ImportJobView.of(job);
            });
  }

  ImportJob find(UUID id) {
    ImportJob job = em.find(ImportJob.class, id);
    if (job == null) {
      throw ProblemException.notFound("import", id);
    }
    return job;
  }

  private void deleteChunks(UUID id) {
    em.createNativeQuery("DELETE FROM import_chunk WHERE job_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }
}
