package dev.baton.metrics;

import dev.baton.metrics.FunnelRecords.Accountability;
import dev.baton.metrics.FunnelRecords.Disputes;
import dev.baton.metrics.FunnelRecords.FunnelFigures;
import dev.baton.metrics.FunnelRecords.GroupBy;
import dev.baton.metrics.FunnelRecords.Quality;
import dev.baton.metrics.FunnelRecords.Rates;
import dev.baton.metrics.FunnelRecords.Reached;
import dev.baton.metrics.FunnelRecords.Rejections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The funnel of the cycles handed off in a period, from table lead_cycle (one row per cycle). Each
 * query reads the period's range of index lead_cycle_handed_off once, grouped by the chosen column
 * and in total together (GROUPING SETS).
 */
@ApplicationScoped
public class FunnelMetricsService {

  /** Grouping key of the totals row; never a column value, which are texts. */
  private static final Object TOTAL = new Object();

  private static final String FIGURES =
      """
      SELECT %1$s AS key, grouping(%1$s) = 1 AS total,
          count(*) AS handed_off,
          count(*) FILTER (WHERE entered_generated) AS generated,
          count(qualified_at) AS qualified,
          count(accepted_at) AS accepted,
          count(converted_at) AS converted,
          count(rejected_at) AS rejected,
          count(*) FILTER (WHERE rejection_accountable = 'MARKETING') AS marketing,
          count(*) FILTER (WHERE rejection_accountable = 'SALES') AS sales,
          count(*) FILTER (WHERE rejection_accountable = 'NONE') AS none,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM
              accepted_at - coalesce(sla_started_at, qualified_at))) AS to_accept,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM
              converted_at - accepted_at)) AS to_convert,
          sum(rating_sum) AS rating_sum,
          sum(rating_count) AS rating_count,
          sum(disputes_opened) AS disputes_opened,
          sum(disputes_overturned) AS disputes_overturned,
          count(recycled_at) AS recycles
      FROM lead_cycle
      WHERE handed_off_at >= ? AND handed_off_at < ?
      GROUP BY GROUPING SETS ((%1$s), ())
      """;

  private static final String REJECTIONS =
      """
      SELECT %1$s AS key, grouping(%1$s) = 1 AS total, rejection_reason AS item, count(*) AS n
      FROM lead_cycle
      WHERE handed_off_at >= ? AND handed_off_at < ? AND rejection_reason IS NOT NULL
      GROUP BY GROUPING SETS ((%1$s, rejection_reason), (rejection_reason))
      """;

  private static final String AMOUNTS =
      """
      SELECT %1$s AS key, grouping(%1$s) = 1 AS total, currency AS item, sum(amount) AS n
      FROM lead_cycle
      WHERE handed_off_at >= ? AND handed_off_at < ? AND converted_at IS NOT NULL
          AND currency IS NOT NULL
      GROUP BY GROUPING SETS ((%1$s, currency), (currency))
      """;

  private final EntityManager em;

  public FunnelMetricsService(EntityManager em) {
    this.em = em;
  }

  /** The totals first, then one entry per group, most cycles first; all from one snapshot. */
  @Transactional
  public List<FunnelFigures> figures(Period period, GroupBy groupBy) {
    // Without grouping, group by a constant: the grouped rows and the totals are the same.
    String key = groupBy == null ? "NULL::text" : groupBy.name();
    Rows.snapshot(em);
    Map<Object, Map<String, Long>> reasons = new HashMap<>();
    for (Map<String, Object> row : Rows.query(em, REJECTIONS.formatted(key), bounds(period))) {
      reasons
          .computeIfAbsent(groupOf(row), k -> new TreeMap<>())
          .put((String) row.get("item"), Rows.count(row, "n"));
    }
    Map<Object, Map<String, BigDecimal>> amounts = new HashMap<>();
    for (Map<String, Object> row : Rows.query(em, AMOUNTS.formatted(key), bounds(period))) {
      amounts
          .computeIfAbsent(groupOf(row), k -> new TreeMap<>())
          .put((String) row.get("item"), (BigDecimal) row.get("n"));
    }
    FunnelFigures totals = null;
    List<FunnelFigures> groups = new ArrayList<>();
    for (Map<String, Object> row : Rows.query(em, FIGURES.formatted(key), bounds(period))) {
      Object group = groupOf(row);
      FunnelFigures figures =
          figures(
              group == TOTAL ? null : (String) group,
              row,
              reasons.getOrDefault(group, Map.of()),
              amounts.getOrDefault(group, Map.of()));
      if (group == TOTAL) {
        totals = figures;
      } else if (groupBy != null) {
        groups.add(figures);
      }
    }
    groups.sort(
        Comparator.comparingLong(FunnelFigures::handedOff)
            .reversed()
            .thenComparing(FunnelFigures::key, Comparator.nullsLast(Comparator.naturalOrder())));
    List<FunnelFigures> all = new ArrayList<>();
    all.add(Objects.requireNonNullElse(totals, empty()));
    all.addAll(groups);
    return all;
  }

  private static Object[] bounds(Period period) {
    return new Object[] {period.from(), period.to()};
  }

  private static Object groupOf(Map<String, Object> row) {
    return Boolean.TRUE.equals(row.get("total")) ? TOTAL : row.get("key");
  }

  private static FunnelFigures figures(
      String key,
      Map<String, Object> row,
      Map<String, Long> byReason,
      Map<String, BigDecimal> amounts) {
    long qualified = Rows.count(row, "qualified");
    long accepted = Rows.count(row, "accepted");
    long converted = Rows.count(row, "converted");
    long ratings = Rows.count(row, "rating_count");
    return new FunnelFigures(
        key,
        Rows.count(row, "handed_off"),
        new Reached(
            Rows.count(row, "generated"),
            qualified,
            accepted,
            converted,
            Rows.count(row, "rejected")),
        new Rates(
            Rows.rate(accepted, qualified),
            Rows.rate(converted, accepted),
            Rows.rate(converted, qualified)),
        new Rejections(
            byReason,
            new Accountability(
                Rows.count(row, "marketing"), Rows.count(row, "sales"), Rows.count(row, "none"))),
        Rows.hours(row, "to_accept"),
        Rows.hours(row, "to_convert"),
        new Quality(
            ratings == 0
                ? null
                : BigDecimal.valueOf(Rows.count(row, "rating_sum"))
                    .divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP),
            ratings),
        new Disputes(Rows.count(row, "disputes_opened"), Rows.count(row, "disputes_overturned")),
        Rows.count(row, "recycles"),
        amounts);
  }

  private static FunnelFigures empty() {
    return figures(null, Map.of(), Map.of(), Map.of());
  }
}
