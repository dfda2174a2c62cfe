package dev.baton.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's statistics of the lead tables near the truth while an import grows them. A
 * plan is made once and kept: made while table lead looked empty (a new installation bringing its
 * history), the foreign-key checks of every row an import copies, and the handoffs' duplicate
 * reads, would scan the whole table instead of its index, slower with every batch. So a run
 * analyses tables lead and lead_external_ref after its first thousand leads and each time it has
 * doubled what they held when last analysed: about twenty times for a million leads, at a fraction
 * of a second each; analysing makes every session plan those statements again. It analyses on a
 * thread and connection of its own, one analysis at a time, while the run goes on writing: a batch
 * never waits for it (nor for an autovacuum holding the table's analyse lock).
 */
@ApplicationScoped
class PlannerStats {

  private static final Logger LOG = Logger.getLogger(PlannerStats.class);
  private static final long FIRST = 1000;

  private final EntityManager em;
  private final AgroalDataSource database;
  private final AtomicBoolean analysing = new AtomicBoolean();
  private final ExecutorService analyser =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "import-analyse");
            thread.setDaemon(true);
            return thread;
          });

  PlannerStats(EntityManager em, AgroalDataSource database) {
    this.em = em;
    this.database = database;
  }

  @PreDestroy
  void stop() {
    analyser.shutdownNow();
  }

  /** How much a run has grown table lead since it was last analysed. */
  final class Growth {
    private long analysed;
    private long since;

    private Growth(long analysed) {
      this.analysed = analysed;
    }

    /** Counts {@code created} leads more, and analyses the tables once they doubled. */
    void add(long created) {
      since += created;
      if (since >= Math.max(analysed, FIRST)) {
        analyse();
        analysed += since;
        since = 0;
      }
    }
  }

  /** A run's growth, from what table lead holds as far as the statistics know. */
  Growth growth() {
    long rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "SELECT greatest(reltuples, 0)::bigint FROM pg_class"
                                        + " WHERE oid = 'lead'::regclass")
                                .getSingleResult())
                        .longValue());
    return new Growth(rows);
  }

  /** Analyses the tables in the background, unless an analysis is still running. */
  private void analyse() {
    if (!analysing.compareAndSet(false, true)) {
      return;
    }
    try {
      analyser.execute(
          () -> {
            try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
              statement.execute("ANALYZE lead, lead_external_ref");
            } catch (SQLException | RuntimeException e) {
              // Statistics are a help, not a promise: a database that refuses them only plans
              // worse.
              LOG.warnf("Could not analyse the lead tables during an import: %s", e.getMessage());
            } finally {
              analysing.set(false);
            }
          });
    } catch (RejectedExecutionException e) {
      analysing.set(false); // shutting down: the run stops too, and resumes where it stopped
    }
  }
}
