package dev.baton.reports;

import dev.baton.reports.FunnelRecords.Accountability;
import dev.baton.reports.FunnelRecords.Disputes;
import dev.baton.reports.FunnelRecords.FunnelFigures;
import dev.baton.reports.FunnelRecords.GroupBy;
import dev.baton.reports.FunnelRecords.Quality;
import dev.baton.reports.FunnelRecords.Rates;
import dev.baton.reports.FunnelRecords.Reached;
import dev.baton.reports.FunnelRecords.RejectedFrom;
import dev.baton.reports.FunnelRecords.Rejections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnel of the cycles handed off in a period, from table lead_cycle (one row per cycle), in
 * two range scans of index lead_cycle_handed_off: one for everything that adds up (counts, sums),
 * grouped finely enough to also give the rejections per reason and the amounts per currency; one
 * for the medians, over the accepted cycles only (index-only, lead_cycle_accepted), per group and
 * in total.
 */
@ApplicationScoped
public class FunnelMetricsService {

  private static final String SUMS =
      """
      SELECT %1$s AS key, rejection_reason AS reason, rejection_accountable AS accountable,
          currency,
          count(*) AS handed_off,
          count(*) FILTER (WHERE entered_generated) AS generated,
          count(qualified_at) AS qualified,
          count(*) FILTER (WHERE accepted_at IS NOT NULL OR was_accepted) AS accepted,
          count(converted_at) AS converted,
          count(rejected_at) AS rejected,
          count(rejected_at) FILTER (WHERE qualified_at IS NULL) AS rejected_generated,
          count(rejected_at) FILTER (WHERE qualified_at IS NOT NULL AND accepted_at IS NULL)
              AS rejected_qualified,
          count(rejected_at) FILTER (WHERE accepted_at IS NOT NULL) AS rejected_accepted,
          sum(amount) FILTER (WHERE converted_at IS NOT NULL) AS amount,
          sum(rating_sum) AS rating_sum,
          sum(rating_count) AS rating_count,
          sum(disputes_opened) AS disputes_opened,
          sum(disputes_overturned) AS disputes_overturned,
          count(recycled_at) AS recycles
      FROM lead_cycle
      WHERE handed_off_at >= ? AND handed_off_at < ? AND %2$s
      GROUP BY 1, 2, 3, 4
      """;

  private static final String MEDIANS =
      """
      SELECT %1$s AS key, %2$s AS total,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_to_accept) AS to_accept,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_to_convert) AS to_convert
      FROM lead_cycle
      WHERE handed_off_at >= ? AND handed_off_at < ? AND accepted_at IS NOT NULL AND %4$s
      GROUP BY %3$s
      """;

  private final EntityManager em;

  public FunnelMetricsService(EntityManager em) {
    this.em = em;
  }

  /**
   * The totals first, then one entry per group: most cycles first, or every week or month of the
   * period in time order. All from one snapshot.
   */
  @Transactional
  public List<FunnelFigures> figures(Period period, Cohort cohort, GroupBy groupBy) {
    return figures(period, cohort, groupBy, true);
  }

  /**
   * The same, with the groups' medians only when asked for: they are the costliest part (a sort of
   * the period's accepted cycles per group), and a reader of the totals and the groups' counts (the
   * scoreboard's trend) does without them.
   */
  @Transactional
  public List<FunnelFigures> figures(
      Period period, Cohort cohort, GroupBy groupBy, boolean groupMedians) {
    String key = key(groupBy);
    Object[] values = values(period, cohort);
    Rows.snapshot(em);
    Tally total = new Tally();
    Map<String, Tally> groups = new LinkedHashMap<>();
    for (Map<String, Object> row :
        Rows.query(em, SUMS.formatted(key, cohort.condition()), values)) {
      total.add(row);
      groups.computeIfAbsent(key(row), k -> new Tally()).add(row);
    }
    Map<String, Map<String, Object>> medians = new HashMap<>();
    Map<String, Object> totalMedians = Map.of();
    String medianSql =
        groupBy == null || !groupMedians
            ? MEDIANS.formatted("NULL::text", "true", "()", cohort.condition())
            : MEDIANS.formatted(
                key,
                "grouping(" + key + ") = 1",
                "GROUPING SETS ((" + key + "), ())",
                cohort.condition());
    for (Map<String, Object> row : Rows.query(em, medianSql, values)) {
      if (Boolean.TRUE.equals(row.get("total"))) {
        totalMedians = row;
      } else {
        medians.put(key(row), row);
      }
    }
    List<FunnelFigures> all = new ArrayList<>();
    all.add(total.figures(null, totalMedians));
    if (groupBy != null && groupBy.isTime()) {
      for (String start : TimeBuckets.starts(period, groupBy == GroupBy.month)) {
        all.add(
            groups
                .getOrDefault(start, new Tally())
                .figures(start, medians.getOrDefault(start, Map.of())));
      }
    } else if (groupBy != null) {
      groups.entrySet().stream()
          .map(g -> g.getValue().figures(g.getKey(), medians.getOrDefault(g.getKey(), Map.of())))
          .sorted(
              Comparator.comparingLong(FunnelFigures::handedOff)
                  .reversed()
                  .thenComparing(
                      FunnelFigures::key, Comparator.nullsLast(Comparator.naturalOrder())))
          .forEach(all::add);
    }
    return all;
  }

  /** The SQL expression of a group's key: a column, or the first day of a week or month. */
  private static String key(GroupBy groupBy) {
    if (groupBy == null) {
      return "NULL::text";
    }
    return switch (groupBy) {
      // The very expressions of the statistics of migration V16, which the planner needs to see.
      case week, month -> "date_trunc('%s', handed_off_at AT TIME ZONE 'UTC')".formatted(groupBy);
      default -> groupBy.name();
    };
  }

  /** A row's group: a column's value, or the first day (2026-07-06) of a week or month. */
  private static String key(Map<String, Object> row) {
    Object key = row.get("key");
    return key instanceof Timestamp start
        ? start.toLocalDateTime().toLocalDate().toString()
        : (String) key;
  }

  private static Object[] values(Period period, Cohort cohort) {
    List<Object> values = new ArrayList<>(List.of(period.from(), period.to()));
    values.addAll(cohort.values());
    return values.toArray();
  }

  /** The additive figures of a set of cycles, summed from finer rows. */
  private static final class Tally {
    long handedOff;
    long generated;
    long qualified;
    long accepted;
    long converted;
    long rejected;
    long rejectedGenerated;
    long rejectedQualified;
    long rejectedAccepted;
    long ratingSum;
    long ratings;
    long disputesOpened;
    long disputesOverturned;
    long recycles;
    final Map<String, Long> byReason = new TreeMap<>();
    final Map<String, Long> byAccountable = new HashMap<>();
    final Map<String, BigDecimal> amounts = new TreeMap<>();

    void add(Map<String, Object> row) {
      handedOff += Rows.count(row, "handed_off");
      generated += Rows.count(row, "generated");
      qualified += Rows.count(row, "qualified");
      accepted += Rows.count(row, "accepted");
      converted += Rows.count(row, "converted");
      long rejections = Rows.count(row, "rejected");
      rejected += rejections;
      rejectedGenerated += Rows.count(row, "rejected_generated");
      rejectedQualified += Rows.count(row, "rejected_qualified");
      rejectedAccepted += Rows.count(row, "rejected_accepted");
      ratingSum += Rows.count(row, "rating_sum");
      ratings += Rows.count(row, "rating_count");
      disputesOpened += Rows.count(row, "disputes_opened");
      disputesOverturned += Rows.count(row, "disputes_overturned");
      recycles += Rows.count(row, "recycles");
      if (row.get("reason") instanceof String reason && rejections > 0) {
        byReason.merge(reason, rejections, Long::sum);
        byAccountable.merge((String) row.get("accountable"), rejections, Long::sum);
      }
      if (row.get("currency") instanceof String currency
          && row.get("amount") instanceof BigDecimal amount) {
        amounts.merge(currency, amount, BigDecimal::add);
      }
    }

    FunnelFigures figures(String key, Map<String, Object> medians) {
      return new FunnelFigures(
          key,
          handedOff,
          new Reached(generated, qualified, accepted, converted, rejected),
          new Rates(
              Rows.rate(accepted, qualified),
              Rows.rate(converted, accepted),
              Rows.rate(converted, qualified)),
          new Rejections(
              byReason,
              new Accountability(
                  byAccountable.getOrDefault("MARKETING", 0L),
                  byAccountable.getOrDefault("SALES", 0L),
                  byAccountable.getOrDefault("NONE", 0L)),
              new RejectedFrom(rejectedGenerated, rejectedQualified, rejectedAccepted)),
          Rows.hours(medians, "to_accept"),
          Rows.hours(medians, "to_convert"),
          new Quality(
              ratings == 0
                  ? null
                  : BigDecimal.valueOf(ratingSum)
                      .divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP),
              ratings),
          new Disputes(disputesOpened, disputesOverturned),
          recycles,
          amounts);
    }
  }
}
