package dev.baton.lead;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts what happens to leads in /q/metrics — handoffs by source, moves by action, rejections by
 * reason, SLA breaches, erasures — once the transaction that made it happen has committed, so that
 * a change refused or rolled back is never counted.
 */
@ApplicationScoped
public class LeadMetrics {

  private final MeterRegistry registry;
  private final TransactionSynchronizationRegistry transactions;

  public LeadMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
    this.registry = registry;
    this.transactions = transactions;
  }

  void handedOff(String source) {
    afterCommit("baton.handoffs", "source", source);
  }

  void moved(String eventType) {
    afterCommit("baton.moves", "event", eventType);
  }

  void rejected(String reason) {
    afterCommit("baton.rejections", "reason", reason);
  }

  void slaBreached() {
    afterCommit("baton.sla.breaches", null, null);
  }

  void erased() {
    afterCommit("baton.erasures", null, null);
  }

  private void afterCommit(String name, String tag, String value) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              (tag == null ? registry.counter(name) : registry.counter(name, tag, value))
                  .increment();
            }
          }
        });
  }
}
