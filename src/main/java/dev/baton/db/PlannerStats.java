package dev.baton.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's statistics of the lead tables near the truth while Baton grows them faster
 * than autovacuum looks (once a minute by default). A plan is made on the statistics of the last
 * analysis: made while table lead looked empty (a new installation bringing its history, or taking
 * its first burst of handoffs), the foreign-key checks of every row an import copies and the
 * handoffs' duplicate reads would scan the whole table instead of its index, and a page of leads of
 * one status would read and sort every lead of that status instead of walking its index in order
 * (docs/performance.md). So the tables lead and lead_external_ref are analysed after the first
 * thousand leads and each time those created since have doubled what the tables held when last
 * analysed: about twenty times for a million leads, at a fraction of a second each; analysing makes
 * every session plan those statements again. An import counts its own run ({@link #growth}),
 * handoffs count on this replica from its start ({@link #created}). It analyses on a thread and
 * connection of its own, one analysis at a time, while the writes go on: none waits for it (nor for
 * an autovacuum holding the table's analyse lock).
 */
@ApplicationScoped
public class PlannerStats {

  private static final Logger LOG = Logger.getLogger(PlannerStats.class);
  private static final long FIRST = 1000;

  private final EntityManager em;
  private final AgroalDataSource database;
  private final TransactionSynchronizationRegistry transactions;
  private final AtomicBoolean analysing = new AtomicBoolean();
  private final AtomicLong created = new AtomicLong();
  private volatile long known;
  private final ExecutorService analyser =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "lead-analyse");
            thread.setDaemon(true);
            return thread;
          });

  PlannerStats(
      EntityManager em,
      AgroalDataSource database,
      TransactionSynchronizationRegistry transactions) {
    this.em = em;
    this.database = database;
    this.transactions = transactions;
  }

  @PreDestroy
  void stop() {
    analyser.shutdownNow();
  }

  /** How much an import's run has grown table lead since it was last analysed. */
  public final class Growth {
    private long analysed;
    private long since;

    private Growth(long analysed) {
      this.analysed = analysed;
    }

    /** Counts {@code created} leads more, and analyses the tables once they doubled. */
    public void add(long created) {
      since += created;
      if (since >= Math.max(analysed, FIRST)) {
        analyse(rows -> known = rows);
        analysed += since;
        since = 0;
      }
    }
  }

  /** A run's growth, from what table lead holds as far as the statistics know. */
  public Growth growth() {
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

  /**
   * Counts a lead a handoff creates on this replica once its transaction has committed (an analysis
   * sees only committed rows), and analyses the tables once those counted since the last analysis
   * reach the rows it found (a thousand before the first).
   */
  public void created() {
    TransactionEnd.afterCommit(transactions, this::count);
  }

  private void count() {
    long since = created.incrementAndGet();
    if (since >= Math.max(known, FIRST) && analyse(rows -> known = rows)) {
      created.addAndGet(-since);
    }
  }

  /** Whether no analysis is running. */
  boolean idle() {
    return !analysing.get();
  }

  /** How many more leads {@link #created} counts before it analyses the tables. */
  long untilAnalysis() {
    return Math.max(Math.max(known, FIRST) - created.get(), 0);
  }

  /**
   * Analyses the tables in the background, unless an analysis is still running, and gives {@code
   * found} the rows of table lead it found; false when it did not start one.
   */
  private boolean analyse(LongConsumer found) {
    if (!analysing.compareAndSet(false, true)) {
      return false;
    }
    try {
      analyser.execute(
          () -> {
            try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
              statement.execute("ANALYZE lead, lead_external_ref");
              try (ResultSet rows =
                  statement.executeQuery(
                      "SELECT greatest(reltuples, 0)::bigint FROM pg_class"
                          + " WHERE oid = 'lead'::regclass")) {
                rows.next();
                found.accept(rows.getLong(1));
              }
            } catch (SQLException | RuntimeException e) {
              // Statistics are a help, not a promise: a database that refuses them only plans
              // worse.
              LOG.warnf("Could not analyse the lead tables: %s", e.getMessage());
            } finally {
              analysing.set(false);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      analysing.set(false); // shutting down: an import stops too, and resumes where it stopped
      return false;
    }
  }
}
