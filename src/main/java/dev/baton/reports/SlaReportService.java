package dev.baton.reports;

import dev.baton.reports.SlaReportRecords.MarketingSide;
import dev.baton.reports.SlaReportRecords.SalesSide;
import dev.baton.reports.SlaReportRecords.SlaReport;
import dev.baton.sla.SlaPolicy;
import dev.baton.sla.SlaPolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two-sided SLA report over the cycles first qualified in a period (index
 * lead_cycle_qualified), plus the leads waiting right now.
 */
@ApplicationScoped
public class SlaReportService {

  private static final String CLOCKS =
      """
      SELECT count(*) AS delivered,
          count(sla_decided_at) AS answered,
          count(accepted_at) AS accepted,
          count(*) FILTER (WHERE rejection_accountable = 'MARKETING') AS marketing,
          count(*) FILTER (WHERE sla_decided_at IS NOT NULL OR sla_deadline < ?) AS due,
          count(*) FILTER (WHERE sla_state = 'MET') AS within,
          sum(sla_breaches) AS breaches,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_to_decision) AS median,
          percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds_to_decision) AS p90
      FROM lead_cycle
      WHERE qualified_at >= ? AND qualified_at < ? AND %s
      """;

  private static final String MARKETING_REJECTIONS =
      """
      SELECT rejection_reason AS reason, count(*) AS n
      FROM lead_cycle
      WHERE qualified_at >= ? AND qualified_at < ? AND %s
          AND rejection_accountable = 'MARKETING'
      GROUP BY rejection_reason
      """;

  private static final String WAITING =
      """
      SELECT count(*) AS waiting, count(*) FILTER (WHERE sla_deadline < ?) AS overdue
      FROM lead
      WHERE status = 'QUALIFIED' AND %s
      """;

  private final EntityManager em;
  private final SlaPolicyService policies;

  public SlaReportService(EntityManager em, SlaPolicyService policies) {
    this.em = em;
    this.policies = policies;
  }

  @Transactional
  public SlaReport report(Period period, Cohort cohort, Instant now) {
    Rows.snapshot(em);
    SlaPolicy policy = policies.policy();
    Map<String, Object> clocks =
        Rows.query(
                em,
                CLOCKS.formatted(cohort.condition()),
                values(cohort, now, period.from(), period.to()))
            .get(0);
    Map<String, Long> byReason = new TreeMap<>();
    for (Map<String, Object> row :
        Rows.query(
            em,
            MARKETING_REJECTIONS.formatted(cohort.condition()),
            values(cohort, period.from(), period.to()))) {
      byReason.put((String) row.get("reason"), Rows.count(row, "n"));
    }
    Map<String, Object> waiting =
        Rows.query(em, WAITING.formatted(cohort.condition()), values(cohort, now)).get(0);

    String segment = cohort.segment();
    boolean committed = cohort.hasCommitments();
    long delivered = Rows.count(clocks, "delivered");
    Integer perMonth = committed ? policy.volumeTarget(segment) : null;
    Long commitment = perMonth == null ? null : period.prorated(perMonth);
    long answered = Rows.count(clocks, "answered");
    long accepted = Rows.count(clocks, "accepted");
    BigDecimal rate = Rows.rate(accepted, answered);
    BigDecimal rateTarget = committed ? policy.acceptanceRateTarget(segment) : null;
    long due = Rows.count(clocks, "due");
    long within = Rows.count(clocks, "within");
    return new SlaReport(
        period.from(),
        period.to(),
        segment,
        cohort.source(),
        cohort.campaign(),
        new MarketingSide(
            delivered,
            commitment,
            commitment == null ? null : delivered >= commitment,
            answered,
            accepted,
            rate,
            rateTarget,
            Rows.atLeast(accepted, answered, rateTarget),
            Rows.count(clocks, "marketing"),
            byReason),
        new SalesSide(
            due,
            within,
            Rows.rate(within, due),
            Rows.hours(clocks, "median"),
            Rows.hours(clocks, "p90"),
            Rows.count(clocks, "breaches"),
            Rows.count(waiting, "waiting"),
            Rows.count(waiting, "overdue")));
  }

  private static Object[] values(Cohort cohort, Object... first) {
    List<Object> values = new ArrayList<>(List.of(first));
    values.addAll(cohort.values());
    return values.toArray();
  }
}
