package dev.baton.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's statistics of the lead tables near the truth while an import grows them. A
 * plan is made once and kept: made while table lead looked empty (a new installation bringing its
 * history), the foreign-key checks of every row an import copies, and the handoffs' duplicate
 * reads, would scan the whole table instead of its index, slower with every batch. So a run
 * analyses tables lead and lead_external_ref after its first thousand leads and each time it has
 * doubled what they held when last analysed: about twenty times for a million leads, at a fraction
 * of a second each; analysing makes every session plan those statements again.
 */
@ApplicationScoped
class PlannerStats {

  private static final Logger LOG = Logger.getLogger(PlannerStats.class);
  private static final long FIRST = 1000;

  private final EntityManager em;

  PlannerStats(EntityManager em) {
    this.em = em;
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

  private void analyse() {
    try {
      QuarkusTransaction.requiringNew()
          .run(() -> em.createNativeQuery("ANALYZE lead, lead_external_ref").executeUpdate());
    } catch (RuntimeException e) {
      // Statistics are a help, not a promise: a database that refuses them only plans worse.
      LOG.warnf("Could not analyse the lead tables during an import: %s", e.getMessage());
    }
  }
}
