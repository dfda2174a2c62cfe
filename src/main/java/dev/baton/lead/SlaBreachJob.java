package dev.baton.lead;

import dev.baton.db.BatonClock;
import dev.baton.db.DatabaseFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the warnings of running acceptance clocks once the policy's share of their time passed, and
 * escalates breached leads as the policy says. Notices acceptance deadlines that passed unanswered,
 * even when nobody calls the API, and records each breach once. Every replica runs it: a batch
 * locks its leads with SKIP LOCKED, so replicas share the work, and a lead is breached only while
 * its clock is still PENDING under that lock, so neither two replicas nor a late answer racing the
 * job can record a breach twice.
 */
@ApplicationScoped
public class SlaBreachJob {

  static final int BATCH = 200;
  private static final Logger LOG = Logger.getLogger(SlaBreachJob.class);

  private final EntityManager em;
  private final LeadRepository leads;
  private final LeadConflicts conflicts;
  private final BatonClock clock;
  private final LeadChangeLog changes;

  public SlaBreachJob(
      EntityManager em,
      LeadRepository leads,
      LeadConflicts conflicts,
      LeadChangeLog changes,
      BatonClock clock) {
    this.em = em;
    this.leads = leads;
    this.conflicts = conflicts;
    this.changes = changes;
    this.clock = clock;
  }

  @Scheduled(
      every = "${baton.sla.check-every}",
      delayed = "${baton.sla.check-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    try {
      warnDue();
      int breached = breachDue();
      if (breached > 0) {
        LOG.infof("Recorded %d SLA breaches", breached);
      }
    } catch (RuntimeException e) {
      // Without the database there is nothing to do: one warning, and the next run catches up.
      if (!DatabaseFailures.transientFailure(e)) {
        throw e;
      }
    }
  }

  /** Records every breach due now; answers how many this replica recorded. */
  public int breachDue() {
    int total = 0;
    Batch batch;
    do {
      // One short transaction per batch, so that locks are held briefly.
      batch = QuarkusTransaction.requiringNew().call(() -> breachBatch(clock.now()));
      total += batch.breached();
    } while (batch.locked() == BATCH);
    return total;
  }

  /** Sends every warning due now; answers how many this replica sent. */
  public int warnDue() {
    int total = 0;
    Batch batch;
    do {
      batch = QuarkusTransaction.requiringNew().call(() -> warnBatch(clock.now()));
      total += batch.breached();
    } while (batch.locked() == BATCH);
    return total;
  }

  private Batch warnBatch(Instant now) {
    @SuppressWarnings("unchecked")
    List<UUID> due =
        em.createNativeQuery(
                "SELECT id FROM lead WHERE sla_state = 'PENDING' AND sla_warned_at IS NULL"
                    + " AND sla_warn_at IS NOT NULL AND sla_warn_at <= ?1"
                    + " ORDER BY sla_warn_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                UUID.class)
            .setParameter(1, now)
            .setParameter(2, BATCH)
            .getResultList();
    int warned = 0;
    for (UUID id : due) {
      Lead lead = leads.findById(id);
      if (lead.getCycle().getSla().warn(now)) {
        lead.touch(now);
        conflicts.flush(lead);
        changes.slaWarned(lead, now);
        warned++;
      }
    }
    return new Batch(due.size(), warned);
  }

  /** What a batch locked, and how many of those it changed. */
  private record Batch(int locked, int breached) {}

  private Batch breachBatch(Instant now) {
    @SuppressWarnings("unchecked")
    List<UUID> due =
        em.createNativeQuery(
                "SELECT id FROM lead WHERE sla_state = 'PENDING' AND sla_deadline < ?1"
                    + " ORDER BY sla_deadline LIMIT ?2 FOR UPDATE SKIP LOCKED",
                UUID.class)
            .setParameter(1, now)
            .setParameter(2, BATCH)
            .getResultList();
    int breached = 0;
    for (UUID id : due) {
      Lead lead = leads.findById(id);
      boolean imported = lead.getCycle().getSla().isImported();
      if (imported && lead.breachSla(now)) {
        // An imported clock ran out: counted in the figures, and not news (no event, no webhook).
        conflicts.flush(lead);
        changes.cycles().save(lead);
        changes.cycles().breached(lead);
        breached++;
      } else if (lead.breachSla(now)) {
        lead.touch(now);
        conflicts.flush(lead);
        changes.slaBreached(lead, now);
        changes.assignments().escalate(lead, now);
        changes.cycles().save(lead);
        breached++;
      }
    }
    return new Batch(due.size(), breached);
  }
}
