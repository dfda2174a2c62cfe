package dev.baton.routing;

import dev.baton.db.BatonClock;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.routing.TeamRecords.MemberInput;
import dev.baton.routing.TeamRecords.MemberView;
import dev.baton.routing.TeamRecords.QueueInput;
import dev.baton.routing.TeamRecords.QueueView;
import dev.baton.routing.TeamRecords.Seat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The sales team as data: members (who, when, how much) and queues (who, with what weight). */
@ApplicationScoped
public class TeamService {

  private static final Pattern ID = Pattern.compile(TeamRecords.ID);

  private final EntityManager em;
  private final BatonClock clock;

  public TeamService(EntityManager em, BatonClock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** What a PUT did: the member or queue as it now is, and whether it is new. */
  public record Put<T>(T view, boolean created) {}

  @Transactional
  public Put<MemberView> putMember(String id, MemberInput in) {
    requireId(id, "member");
    requireZone(in.timeZone());
    Instant now = clock.now();
    SalesMember member = em.find(SalesMember.class, id, LockModeType.PESSIMISTIC_WRITE);
    boolean created = member == null;
    if (created) {
      member = new SalesMember(id, now);
      member.replace(in, now);
      em.persist(member);
    } else {
      member.replace(in, now);
    }
    em.flush();
    return new Put<>(view(member), created);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public MemberView member(String id) {
    return view(findMember(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MemberView> members() {
    return em
        .createQuery("FROM SalesMember ORDER BY id", SalesMember.class)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public Put<QueueView> putQueue(String id, QueueInput in) {
    requireId(id, "queue");
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < in.members().size(); i++) {
      String member = in.members().get(i).memberId();
      if (!seen.add(member)) {
        errors.add(
            new FieldError("members[" + i + "].memberId", "'" + member + "' is listed twice"));
      } else if (em.find(SalesMember.class, member) == null) {
        errors.add(
            new FieldError(
                "members[" + i + "].memberId",
                "no member '" + member + "'; create it first with PUT /api/v1/members/" + member));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    Instant now = clock.now();
    SalesQueue queue = em.find(SalesQueue.class, id, LockModeType.PESSIMISTIC_WRITE);
    boolean created = queue == null;
    if (created) {
      queue = new SalesQueue(id, now);
      queue.rename(in.name(), now);
      em.persist(queue);
    } else {
      queue.rename(in.name(), now);
    }
    Map<String, QueueMember> current = new HashMap<>();
    seats(id).forEach(seat -> current.put(seat.getMemberId(), seat));
    for (Seat seat : in.members()) {
      QueueMember kept = current.remove(seat.memberId());
      if (kept == null) {
        em.persist(new QueueMember(id, seat.memberId(), seat.weight()));
      } else {
        kept.reweigh(seat.weight());
      }
    }
    current.values().forEach(em::remove);
    em.flush();
    return new Put<>(view(queue), created);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public QueueView queue(String id) {
    return view(findQueue(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<QueueView> queues() {
    return em.createQuery("FROM SalesQueue ORDER BY id", SalesQueue.class).getResultList().stream()
        .map(this::view)
        .toList();
  }

  /** How a member is named as a lead's owner: their email, else their id. */
  @Transactional(Transactional.TxType.MANDATORY)
  public String ownerName(String memberId) {
    SalesMember member = em.find(SalesMember.class, memberId);
    return member == null || member.getEmail() == null ? memberId : member.getEmail();
  }

  /**
   * When {@code worked} of the member's working time has passed from {@code start}, in their time
   * zone; calendar time for a member unknown or without working hours.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Instant afterWorking(String memberId, Instant start, java.time.Duration worked) {
    SalesMember member = em.find(SalesMember.class, memberId);
    return member == null
        ? start.plus(worked)
        : WorkingHours.afterWorking(
            member.getWorkingHours(), ZoneId.of(member.getTimeZone()), start, worked);
  }

  /** Whether a queue of this id exists. */
  public boolean queueExists(String id) {
    return em.find(SalesQueue.class, id) != null;
  }

  /** Whether a member of this id exists. */
  boolean memberExists(String id) {
    return em.find(SalesMember.class, id) != null;
  }

  private List<QueueMember> seats(String queueId) {
    return em.createQuery(
            "FROM QueueMember WHERE key.queueId = ?1 ORDER BY key.memberId", QueueMember.class)
        .setParameter(1, queueId)
        .getResultList();
  }

  private MemberView view(SalesMember m) {
    long waiting =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM lead WHERE assignee_id = ?1 AND status = 'QUALIFIED'")
                    .setParameter(1, m.getId())
                    .getSingleResult())
            .longValue();
    List<String> queues =
        em.createQuery(
                "SELECT key.queueId FROM QueueMember WHERE key.memberId = ?1 ORDER BY key.queueId",
                String.class)
            .setParameter(1, m.getId())
            .getResultList();
    return new MemberView(
        m.getId(),
        m.getName(),
        m.getEmail(),
        m.getTimeZone(),
        m.getWorkingHours() == null ? List.of() : m.getWorkingHours(),
        m.getAwayUntil(),
        m.getMaxOpen(),
        m.getMaxPerDay(),
        m.isActive(),
        waiting,
        queues,
        m.getCreatedAt(),
        m.getUpdatedAt());
  }

  private QueueView view(SalesQueue q) {
    List<Seat> seats =
        seats(q.getId()).stream().map(s -> new Seat(s.getMemberId(), s.getWeight())).toList();
    return new QueueView(q.getId(), q.getName(), seats, q.getCreatedAt(), q.getUpdatedAt());
  }

  private SalesMember findMember(String id) {
    SalesMember member = ID.matcher(id).matches() ? em.find(SalesMember.class, id) : null;
    if (member == null) {
      throw ProblemException.notFound("member", id.replace('\0', '?'));
    }
    return member;
  }

  private SalesQueue findQueue(String id) {
    SalesQueue queue = ID.matcher(id).matches() ? em.find(SalesQueue.class, id) : null;
    if (queue == null) {
      throw ProblemException.notFound("queue", id.replace('\0', '?'));
    }
    return queue;
  }

  private static void requireId(String id, String what) {
    if (!ID.matcher(id).matches()) {
      throw ProblemException.invalid("id", "the " + what + " id " + TeamRecords.ID_MESSAGE);
    }
  }

  private static void requireZone(String zone) {
    try {
      if (!zone.contains("/") && !zone.equals("UTC")) {
        throw new DateTimeException("not a region");
      }
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw ProblemException.invalid(
          "timeZone", "must be an IANA time zone such as Europe/Paris or UTC");
    }
  }
}
