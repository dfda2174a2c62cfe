package dev.baton.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.config.BatonConfig;
import dev.baton.db.BatonClock;
import dev.baton.db.DatabaseFailures;
import dev.baton.db.PlannerStats;
import dev.baton.imports.ImportBatches.Counts;
import dev.baton.imports.ImportBatches.Row;
import dev.baton.imports.Records.Position;
import dev.baton.imports.Records.Record;
import dev.baton.json.JsonBinder;
import dev.baton.lead.ImportedLeads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs import jobs. Every replica looks for a job that is queued, or running under a claim that ran
 * out (its replica died), claims it and plays its rows batch by batch. Each batch commits its
 * leads, its results and the job's checkpoint (where the next row starts) in one transaction, and
 * only while the claim is still this replica's: a resumed job starts at the last checkpoint, and a
 * replica that lost its claim writes nothing more.
 */
@ApplicationScoped
public class ImportRunner {

  private static final Logger LOG = Logger.getLogger(ImportRunner.class);
  private static final String REPLICA = UUID.randomUUID().toString();

  /** The claim on the job was lost (cancelled, or taken over): the batch must not commit. */
  private static final class ClaimLost extends RuntimeException {
    ClaimLost() {
      super(null, null, false, false);
    }
  }

  private final EntityManager em;
  private final ImportBatches batches;
  private final ImportJobs jobs;
  private final ImportedLeads imported;
  private final PlannerStats stats;
  private final ObjectMapper mapper;
  private final JsonBinder binder;
  private final BatonClock clock;
  private final BatonConfig.Imports config;

  ImportRunner(
      EntityManager em,
      ImportBatches batches,
      ImportJobs jobs,
      ImportedLeads imported,
      PlannerStats stats,
      ObjectMapper mapper,
      JsonBinder binder,
      BatonClock clock,
      BatonConfig config) {
    this.em = em;
    this.batches = batches;
    this.jobs = jobs;
    this.imported = imported;
    this.stats = stats;
    this.mapper = mapper;
    this.binder = binder;
    this.clock = clock;
    this.config = config.imports();
  }

  @Scheduled(
      every = "${baton.imports.check-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    try {
      runAll();
    } catch (RuntimeException e) {
      if (!DatabaseFailures.transientFailure(e)) {
        LOG.error("Import runner failed", e);
      }
    }
  }

  /**
   * Fails the uploads whose replica died, then claims and runs jobs until none is left to this
   * replica; answers how many it ran.
   */
  public int runAll() {
    jobs.failStalledUploads();
    int ran = 0;
    for (Optional<UUID> job = claim(); job.isPresent(); job = claim()) {
      run(job.get());
      ran++;
    }
    return ran;
  }

  private Optional<UUID> claim() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery(
                        "UPDATE import_job SET state = 'RUNNING', claimed_by = ?1,"
                            + " claimed_until = now() + make_interval(secs => ?2),"
                            + " started_at = coalesce(started_at, ?3)"
                            + " WHERE id = (SELECT id FROM import_job"
                            + "   WHERE state = 'QUEUED' OR (state = 'RUNNING' AND claimed_until < now())"
                            + "   ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                            + " RETURNING id",
                        UUID.class)
                    .setParameter(1, REPLICA)
                    .setParameter(2, config.claim().toSeconds())
                    .setParameter(3, clock.now())
                    .getResultStream()
                    .findFirst()
                    .map(UUID.class::cast));
  }

  private void run(UUID id) {
    ImportJob job = QuarkusTransaction.requiringNew().call(() -> em.find(ImportJob.class, id));
    boolean csv = job.format == ImportJob.Format.CSV;
    LOG.infof("Import %s claimed; %d rows were written before", id, job.rowsRead);
    try {
      Records records = new Records(seq -> chunk(id, seq), job.chunks, position(id), csv);
      CsvRows header = null;
      if (csv) {
        Record first = new Records(seq -> chunk(id, seq), job.chunks, Position.START, true).next();
        header = CsvRows.header(new String(first.bytes(), StandardCharsets.UTF_8));
        if (position(id).equals(Position.START)) {
          records.next();
        }
      }
      RowPlayer player =
          new RowPlayer(
              new RowParser(mapper, binder, header),
              QuarkusTransaction.requiringNew().call(batches::rules),
              imported,
              job.id,
              job.ownerKeyId,
              job.duplicates);
      try (RowBatches file =
          new RowBatches(records, player, clock::now, job.rowsRead, config.rowsPerBatch())) {
        PlannerStats.Growth growth = stats.growth();
        for (RowBatches.Batch batch = file.next(); batch != null; batch = file.next()) {
          growth.add(commit(job, batch.rows(), batch.next()).created());
        }
      }
      finish(id, "SUCCEEDED", null);
    } catch (ClaimLost e) {
      LOG.infof("Import %s: claim lost (cancelled or resumed elsewhere); stopping", id);
    } catch (RuntimeException e) {
      if (DatabaseFailures.transientFailure(e)) {
        throw e; // the claim runs out, and a replica resumes the job from its checkpoint
      }
      LOG.errorf(e, "Import %s failed", id);
      finish(id, "FAILED", String.valueOf(e.getMessage()));
    }
  }

  /** Writes a batch with the checkpoint after it, while the claim is still this replica's. */
  private Counts commit(ImportJob job, List<Row> rows, Position next) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Counts counts = batches.write(job.id, job.ownerKeyId, job.duplicates, rows);
              int updated =
                  em.createNativeQuery(
                          "UPDATE import_job SET next_chunk = ?1, next_offset = ?2,"
                              + " rows_read = rows_read + ?3, rows_created = rows_created + ?4,"
                              + " rows_updated = rows_updated + ?5,"
                              + " rows_skipped = rows_skipped + ?6,"
                              + " rows_refused = rows_refused + ?7,"
                              + " claimed_until = now() + make_interval(secs => ?8)"
                              + " WHERE id = ?9 AND claimed_by = ?10 AND state = 'RUNNING'")
                      .setParameter(1, next.chunk())
                      .setParameter(2, next.offset())
                      .setParameter(3, (long) rows.size())
                      .setParameter(4, counts.created())
                      .setParameter(5, counts.updated())
                      .setParameter(6, counts.skipped())
                      .setParameter(7, counts.refused())
                      .setParameter(8, config.claim().toSeconds())
                      .setParameter(9, job.id)
                      .setParameter(10, REPLICA)
                      .executeUpdate();
              if (updated == 0) {
                throw new ClaimLost();
              }
              return counts;
            });
  }

  private void finish(UUID id, String state, String error) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              int updated =
                  em.createNativeQuery(
                          "UPDATE import_job SET state = ?1, error = ?2, finished_at = ?3,"
                              + " claimed_by = NULL, claimed_until = NULL"
                              + " WHERE id = ?4 AND claimed_by = ?5 AND state = 'RUNNING'")
                      .setParameter(1, state)
                      .setParameter(2, error)
                      .setParameter(3, clock.now())
                      .setParameter(4, id)
                      .setParameter(5, REPLICA)
                      .executeUpdate();
              if (updated > 0) {
                em.createNativeQuery("DELETE FROM import_chunk WHERE job_id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
              }
            });
  }

  private Position position(UUID id) {
    Object[] at =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        em.createNativeQuery(
                                "SELECT next_chunk, next_offset FROM import_job WHERE id = ?1")
                            .setParameter(1, id)
                            .getSingleResult());
    return new Position(((Number) at[0]).intValue(), ((Number) at[1]).intValue());
  }

  private byte[] chunk(UUID id, int seq) {
    List<?> data =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT data FROM import_chunk WHERE job_id = ?1 AND seq = ?2",
                            byte[].class)
                        .setParameter(1, id)
                        .setParameter(2, seq)
                        .getResultList());
    if (data.isEmpty()) {
      throw new ClaimLost(); // cancelled: its file is gone
    }
    return (byte[]) data.get(0);
  }
}
