package dev.baton.metrics;

import dev.baton.db.TransactionEnd;
import dev.baton.event.EventType;
import dev.baton.reason.RejectionReasonService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Counts what happens to leads in /q/metrics — handoffs, moves by event type, rejections by reason,
 * SLA breaches, erasures — once the transaction that made it happen has committed, so that a change
 * refused or rolled back is never counted. Every label comes from a set no client can grow: event
 * types from the code, reasons from the catalog only admins add to. Every series exists from the
 * start, at 0, so that an alert sees 0 rather than no data.
 */
@ApplicationScoped
public class LeadMetrics {

  private static final Logger LOG = Logger.getLogger(LeadMetrics.class);

  /**
   * The event types a move of a lead records ({@code LeadChangeLog.changed}): one per action of the
   * funnel, and the two of a dispute. {@code LeadMetricsTest} fails when an action is missing.
   */
  public static final List<EventType> MOVES =
      List.of(
          EventType.LEAD_QUALIFIED,
          EventType.LEAD_ACCEPTED,
          EventType.LEAD_REJECTED,
          EventType.LEAD_CONVERTED,
          EventType.LEAD_RECYCLED,
          EventType.LEAD_DISPUTED,
          EventType.LEAD_DISPUTE_RESOLVED);

  private final MeterRegistry registry;
  private final TransactionSynchronizationRegistry transactions;
  private final RejectionReasonService reasons;
  private final Counter handoffs;
  private final Map<EventType, Counter> moves;
  private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
  private final Counter slaBreaches;
  private final Counter erasures;
  private volatile boolean catalogRead = true;

  public LeadMetrics(
      MeterRegistry registry,
      TransactionSynchronizationRegistry transactions,
      RejectionReasonService reasons) {
    this.registry = registry;
    this.transactions = transactions;
    this.reasons = reasons;
    handoffs =
        Counter.builder("baton.handoffs")
            .description("Leads handed off; per source in GET /api/v1/funnel")
            .register(registry);
    moves =
        MOVES.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    type ->
                        Counter.builder("baton.moves")
                            .description("Moves and disputes of leads, by event type")
                            .tag("event", type.value())
                            .register(registry)));
    slaBreaches =
        Counter.builder("baton.sla.breaches")
            .description("Acceptance deadlines that passed unanswered")
            .register(registry);
    erasures =
        Counter.builder("baton.erasures")
            .description("Leads whose personal data was erased")
            .register(registry);
  }

  /**
   * Registers every reason of the catalog at start, and those admins add later every {@code
   * BATON_METRICS_REFRESH_EVERY}, also when they were added through another replica.
   */
  void onStart(@Observes StartupEvent event) {
    refresh();
  }

  @Scheduled(
      every = "${baton.metrics.refresh-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void refresh() {
    try {
      QuarkusTransaction.requiringNew()
          .call(() -> reasons.list(null))
          .forEach(reason -> rejection(reason.code()));
      catalogRead = true;
    } catch (RuntimeException e) {
      if (catalogRead) {
        LOG.warnf(
            "The rejection reasons cannot be read (%s); new ones appear at their first rejection",
            e.getClass().getName());
      }
      catalogRead = false;
    }
  }

  public void handedOff() {
    afterCommit(handoffs);
  }

  public void moved(EventType eventType) {
    Counter counter = moves.get(eventType);
    if (counter == null) {
      throw new IllegalArgumentException("Not a move: " + eventType);
    }
    afterCommit(counter);
  }

  /** A code of the catalog: the rejection's foreign key guarantees it. */
  public void rejected(String reason) {
    afterCommit(rejection(reason));
  }

  public void slaBreached() {
    afterCommit(slaBreaches);
  }

  public void erased() {
    afterCommit(erasures);
  }

  private Counter rejection(String reason) {
    return rejections.computeIfAbsent(
        reason,
        code ->
            Counter.builder("baton.rejections")
                .description("Leads rejected, by reason code of the rejection-reason catalog")
                .tag("reason", code)
                .register(registry));
  }

  private void afterCommit(Counter counter) {
    TransactionEnd.afterCommit(transactions, counter::increment);
  }
}
