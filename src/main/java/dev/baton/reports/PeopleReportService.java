package dev.baton.reports;

import dev.baton.reports.PeopleReportRecords.MemberFigures;
import dev.baton.reports.PeopleReportRecords.MemberShare;
import dev.baton.reports.PeopleReportRecords.PeopleReport;
import dev.baton.reports.PeopleReportRecords.QueueShares;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLA per person and per queue, over the assignments made in a period (table lead_assignment:
 * who had each lead, the deadline, the answer or the breach), plus the leads each member has
 * waiting now.
 */
@ApplicationScoped
public class PeopleReportService {

  private static final String BY_MEMBER =
      """
      SELECT m.id AS member, m.name, m.max_open,
          count(a.id) AS assigned,
          count(a.id) FILTER (WHERE a.answered_at IS NOT NULL
              OR (a.sla_deadline < ? AND (a.ended_at IS NULL OR a.ended_at > a.sla_deadline)))
              AS due,
          count(a.id) FILTER (WHERE a.answered_at <= a.sla_deadline) AS within,
          count(a.breached_at) AS breaches,
          percentile_cont(0.5) WITHIN GROUP
              (ORDER BY extract(epoch FROM a.answered_at - a.assigned_at)) AS median,
          percentile_cont(0.9) WITHIN GROUP
              (ORDER BY extract(epoch FROM a.answered_at - a.assigned_at)) AS p90
      FROM sales_member m
      LEFT JOIN lead_assignment a ON a.member_id = m.id
          AND a.assigned_at >= ? AND a.assigned_at < ? AND (?::text IS NULL OR a.queue_id = ?)
      GROUP BY m.id, m.name, m.max_open
      ORDER BY m.id
      """;

  private static final String WAITING =
      """
      SELECT assignee_id AS member, count(*) AS waiting,
          count(*) FILTER (WHERE sla_deadline < ?) AS overdue
      FROM lead
      WHERE status = 'QUALIFIED' AND assignee_id IS NOT NULL
          AND (?::text IS NULL OR assignee_queue = ?)
      GROUP BY assignee_id
      """;

  private static final String BY_QUEUE =
      """
      WITH x AS (
          SELECT queue_id AS queue, member_id AS member, count(*) AS assigned
          FROM lead_assignment
          WHERE assigned_at >= ? AND assigned_at < ? AND queue_id IS NOT NULL
              AND (?::text IS NULL OR queue_id = ?)
          GROUP BY queue_id, member_id),
      seats AS (
          SELECT * FROM queue_member WHERE queue_id IN (SELECT queue FROM x))
      SELECT coalesce(x.queue, s.queue_id) AS queue, coalesce(x.member, s.member_id) AS member,
          coalesce(x.assigned, 0) AS assigned, s.weight,
          (SELECT sum(t.weight) FROM queue_member t
           WHERE t.queue_id = coalesce(x.queue, s.queue_id)) AS total_weight
      FROM x FULL JOIN seats s ON s.queue_id = x.queue AND s.member_id = x.member
      ORDER BY 1, 2
      """;

  private final EntityManager em;

  public PeopleReportService(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public PeopleReport report(Period period, String queue, Instant now) {
    Rows.snapshot(em);
    Map<String, long[]> waiting = new HashMap<>();
    for (Map<String, Object> row : Rows.query(em, WAITING, now, queue, queue)) {
      waiting.put(
          (String) row.get("member"),
          new long[] {Rows.count(row, "waiting"), Rows.count(row, "overdue")});
    }
    List<MemberFigures> members = new ArrayList<>();
    for (Map<String, Object> row :
        Rows.query(em, BY_MEMBER, now, period.from(), period.to(), queue, queue)) {
      String member = (String) row.get("member");
      long[] now2 = waiting.getOrDefault(member, new long[2]);
      Integer maxOpen =
          row.get("max_open") == null ? null : ((Number) row.get("max_open")).intValue();
      long due = Rows.count(row, "due");
      long within = Rows.count(row, "within");
      members.add(
          new MemberFigures(
              member,
              (String) row.get("name"),
              Rows.count(row, "assigned"),
              due,
              within,
              Rows.rate(within, due),
              Rows.hours(row, "median"),
              Rows.hours(row, "p90"),
              Rows.count(row, "breaches"),
              now2[0],
              now2[1],
              maxOpen,
              maxOpen == null ? null : Rows.rate(now2[0], maxOpen)));
    }
    return new PeopleReport(period.from(), period.to(), queue, members, queues(period, queue));
  }

  private List<QueueShares> queues(Period period, String queue) {
    Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
    for (Map<String, Object> row :
        Rows.query(em, BY_QUEUE, period.from(), period.to(), queue, queue)) {
      rows.computeIfAbsent((String) row.get("queue"), q -> new ArrayList<>()).add(row);
    }
    List<QueueShares> queues = new ArrayList<>();
    rows.forEach(
        (id, members) -> {
          long total = members.stream().mapToLong(r -> Rows.count(r, "assigned")).sum();
          List<MemberShare> shares = new ArrayList<>();
          for (Map<String, Object> r : members) {
            Integer weight = r.get("weight") == null ? null : ((Number) r.get("weight")).intValue();
            long totalWeight = r.get("total_weight") == null ? 0 : Rows.count(r, "total_weight");
            long assigned = Rows.count(r, "assigned");
            shares.add(
                new MemberShare(
                    (String) r.get("member"),
                    weight,
                    weight == null ? null : Rows.rate(weight, totalWeight),
                    assigned,
                    Rows.rate(assigned, total)));
          }
          queues.add(new QueueShares(id, total, shares));
        });
    return queues;
  }
}
