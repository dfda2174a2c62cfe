package dev.baton.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A queue's turn, taken against the database: who is in the queue, present, working and under
 * capacity at this moment, and the credit of the weighted rotation.
 *
 * <p>Race-free across replicas: taking a turn first locks the queue's seats and their members (in
 * member order, so two queues sharing members cannot deadlock), then counts each member's load in a
 * statement of its own, whose snapshot sees every assignment committed by whoever held the locks
 * before. A member in two queues is locked by both, so no capacity is exceeded across queues.
 */
@ApplicationScoped
class QueueTurns {

  private final EntityManager em;

  QueueTurns(EntityManager em) {
    this.em = em;
  }

  /** The queue's members as candidates now; {@code lock}: for a turn, else for a preview. */
  List<Candidate> candidates(String queueId, Instant now, boolean lock) {
    if (lock) {
      em.createNativeQuery(
              "SELECT qm.member_id FROM queue_member qm JOIN sales_member m ON m.id = qm.member_id"
                  + " WHERE qm.queue_id = ?1 ORDER BY qm.member_id FOR UPDATE")
          .setParameter(1, queueId)
          .getResultList();
    }
    List<QueueMember> seats =
        em.createQuery(
                "FROM QueueMember WHERE key.queueId = ?1 ORDER BY key.memberId", QueueMember.class)
            .setParameter(1, queueId)
            .getResultList();
    Map<String, Integer> weights = new HashMap<>();
    Map<String, BigDecimal> credits = new HashMap<>();
    seats.forEach(
        s -> {
          weights.put(s.getMemberId(), s.getWeight());
          credits.put(s.getMemberId(), s.getCredit());
        });
    return candidates(members(new ArrayList<>(weights.keySet())), weights, credits, now);
  }

  /** One member, outside any queue's rotation (a fixed member, a reassignment to a person). */
  Candidate candidate(String memberId, Instant now, boolean lock) {
    if (lock) {
      em.createNativeQuery("SELECT id FROM sales_member WHERE id = ?1 FOR UPDATE")
          .setParameter(1, memberId)
          .getResultList();
    }
    List<Candidate> one =
        candidates(
            members(List.of(memberId)),
            Map.of(memberId, 1),
            Map.of(memberId, BigDecimal.ZERO),
            now);
    return one.isEmpty() ? null : one.get(0);
  }

  /** Stores the credits a turn left. */
  void saveCredits(String queueId, Map<String, BigDecimal> credits) {
    credits.forEach(
        (member, credit) ->
            em.find(QueueMember.class, new QueueMember.Key(queueId, member)).credit(credit));
  }

  private List<SalesMember> members(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("FROM SalesMember WHERE id IN ?1 ORDER BY id", SalesMember.class)
        .setParameter(1, ids)
        .getResultList();
  }

  private List<Candidate> candidates(
      List<SalesMember> members,
      Map<String, Integer> weights,
      Map<String, BigDecimal> credits,
      Instant now) {
    if (members.isEmpty()) {
      return List.of();
    }
    Map<String, long[]> loads = loads(members, now);
    return members.stream()
        .map(
            m ->
                new Candidate(
                    m.getId(),
                    weights.get(m.getId()),
                    credits.get(m.getId()),
                    m.present(now),
                    m.nextWorking(now),
                    loads.get(m.getId())[0],
                    m.getMaxOpen(),
                    loads.get(m.getId())[1],
                    m.getMaxPerDay()))
        .toList();
  }

  /** Per member: leads waiting for their answer, and leads assigned since their day began. */
  private Map<String, long[]> loads(List<SalesMember> members, Instant now) {
    String[] ids = members.stream().map(SalesMember::getId).toArray(String[]::new);
    String[] days = members.stream().map(m -> m.startOfDay(now).toString()).toArray(String[]::new);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT x.id,
                    (SELECT count(*) FROM lead l
                     WHERE l.assignee_id = x.id AND l.status = 'QUALIFIED'),
                    (SELECT count(*) FROM lead_assignment a
                     WHERE a.member_id = x.id AND a.assigned_at >= x.day)
                FROM unnest(CAST(?1 AS text[]), CAST(?2 AS timestamptz[])) AS x(id, day)
                """,
                Object[].class)
            .setParameter(1, ids)
            .setParameter(2, days)
            .getResultList();
    return rows.stream()
        .collect(
            Collectors.toMap(
                r -> (String) r[0],
                r -> new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()},
                (a, b) -> a,
                HashMap::new));
  }
}
