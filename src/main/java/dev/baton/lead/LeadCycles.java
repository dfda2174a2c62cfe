package dev.baton.lead;

import dev.baton.db.Pipeline;
import dev.baton.lead.LeadRecords.Conversion;
import dev.baton.lead.LeadRecords.Rejection;
import dev.baton.lead.LeadRecords.StatusTimes;
import dev.baton.sla.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The funnel's facts, one row per cycle of a lead (table lead_cycle): written in the transaction of
 * every change of the lead, read by the funnel metrics and the SLA report. A cycle starts at the
 * handoff and at each recycle; its row describes where that cycle stands.
 */
@ApplicationScoped
public class LeadCycles {

  /** What a cycle's row holds of the lead; counters are kept by the methods below. */
  public record Facts(
      UUID leadId,
      int cycle,
      Instant handedOffAt,
      String source,
      String campaign,
      String segment,
      String content,
      String owner,
      boolean enteredGenerated,
      Instant qualifiedAt,
      Instant acceptedAt,
      Instant rejectedAt,
      Instant convertedAt,
      String rejectionReason,
      String rejectionAccountable,
      BigDecimal amount,
      String currency,
      SlaClock sla,
      String assignee,
      String queue) {

    /** The lead's current cycle. */
    static Facts of(Lead lead) {
      LeadCycle cycle = lead.getCycle();
      StatusTimes times = cycle.times();
      LeadAttribution attribution = lead.getDetails().attribution();
      Rejection rejection = cycle.rejection();
      Conversion conversion = cycle.conversion();
      int number = cycle.getRecycleCount();
      return new Facts(
          lead.getId(),
          number,
          number == 0 ? lead.getCreatedAt() : times.generatedAt(),
          attribution.source(),
          attribution.campaign(),
          lead.getDetails().segment(),
          attribution.content(),
          cycle.getOwner(),
          number > 0 || times.generatedAt() != null,
          times.qualifiedAt(),
          times.acceptedAt(),
          times.rejectedAt(),
          times.convertedAt(),
          rejection == null ? null : rejection.reason(),
          rejection == null ? null : rejection.accountable().name(),
          conversion.amount(),
          conversion.currency(),
          cycle.getSla(),
          cycle.getAssignee() == null ? null : cycle.getAssignee().memberId(),
          cycle.getAssignee() == null ? null : cycle.getAssignee().queue());
    }
  }

  private final Pipeline pipeline;

  public LeadCycles(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Writes the lead's current cycle. The cycle's first qualification is kept: an overturned
   * rejection restarts the clock, not the cycle; and an acceptance, once made, stays reached
   * ({@code was_accepted}) when the overturn of a later rejection clears {@code accepted_at}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void save(Lead lead) {
    Facts f = Facts.of(lead);
    SlaClock sla = f.sla();
    execute(
        """
            INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment,
                content, owner, entered_generated, qualified_at, accepted_at, rejected_at,
                converted_at, rejection_reason, rejection_accountable, amount, currency,
                sla_started_at, sla_deadline, sla_state, sla_decided_at, assignee, queue,
                was_accepted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (lead_id, cycle) DO UPDATE SET
                source = excluded.source, campaign = excluded.campaign,
                segment = excluded.segment, content = excluded.content, owner = excluded.owner,
                qualified_at = coalesce(lead_cycle.qualified_at, excluded.qualified_at),
                accepted_at = excluded.accepted_at, rejected_at = excluded.rejected_at,
                converted_at = excluded.converted_at,
                rejection_reason = excluded.rejection_reason,
                rejection_accountable = excluded.rejection_accountable,
                amount = excluded.amount, currency = excluded.currency,
                sla_started_at = excluded.sla_started_at, sla_deadline = excluded.sla_deadline,
                sla_state = excluded.sla_state, sla_decided_at = excluded.sla_decided_at,
                assignee = excluded.assignee, queue = excluded.queue,
                was_accepted = lead_cycle.was_accepted OR excluded.was_accepted
            """,
        f.leadId(),
        f.cycle(),
        f.handedOffAt(),
        f.source(),
        f.campaign(),
        f.segment(),
        f.content(),
        f.owner(),
        f.enteredGenerated(),
        f.qualifiedAt(),
        f.acceptedAt(),
        f.rejectedAt(),
        f.convertedAt(),
        f.rejectionReason(),
        f.rejectionAccountable(),
        f.amount(),
        f.currency(),
        sla == null ? null : sla.getStartedAt(),
        sla == null ? null : sla.getDeadline(),
        sla == null ? null : sla.getState().name(),
        sla == null ? null : sla.getDecidedAt(),
        f.assignee(),
        f.queue(),
        f.acceptedAt() != null);
  }

  /** Attribution is the lead's: an edit regroups all its cycles. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reattribute(Lead lead) {
    Facts f = Facts.of(lead);
    execute(
        "UPDATE lead_cycle SET source = ?, campaign = ?, segment = ?, content = ? WHERE lead_id = ?",
        f.source(),
        f.campaign(),
        f.segment(),
        f.content(),
        f.leadId());
  }

  /** Closes the lead's current cycle by a recycle; call before the lead starts the next one. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recycled(Lead lead, Instant at) {
    count(lead, "recycled_at = ?", at);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void rated(UUID leadId, int cycle, int rating) {
    execute(
        "UPDATE lead_cycle SET rating_sum = rating_sum + ?, rating_count = rating_count + 1"
            + " WHERE lead_id = ? AND cycle = ?",
        rating,
        leadId,
        cycle);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void breached(Lead lead) {
    count(lead, "sla_breaches = sla_breaches + ?", 1);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void disputed(Lead lead) {
    count(lead, "disputes_opened = disputes_opened + ?", 1);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void overturned(Lead lead) {
    count(lead, "disputes_overturned = disputes_overturned + ?", 1);
  }

  private void count(Lead lead, String set, Object value) {
    execute(
        "UPDATE lead_cycle SET " + set + " WHERE lead_id = ? AND cycle = ?",
        value,
        lead.getId(),
        lead.getRecycleCount());
  }

  /** Queues one statement with the transaction's other writes ({@link Pipeline}). */
  private void execute(String sql, Object... values) {
    pipeline.add(sql, values);
  }
}
