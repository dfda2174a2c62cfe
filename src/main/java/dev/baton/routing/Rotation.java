package dev.baton.routing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which member of a queue gets the next lead, exactly: no database, no clock, so tests can play
 * thousands of turns.
 *
 * <p>The weighted rotation gives each member of the pool {@code weight / total weight} of credit at
 * every turn and the turn to the member with the most credit, who pays 1 for it. For a pool that
 * stays the same, every member's count stays within one lead of its share of the turns at every
 * moment (the credit is the count's distance from that share; {@code RotationTest} plays it). A
 * member away or at capacity is left out of the pool and gains nothing meanwhile, so nobody is
 * flooded on return: credits are kept within [-1, 1]. "Least loaded" gives the turn to the member
 * with the fewest leads waiting, credit breaking ties; the credits move the same way so a queue can
 * switch methods.
 *
 * <p>The pool is the eligible members (present, under capacity) working now; when none works now,
 * those whose working hours start soonest: the lead waits for them.
 */
final class Rotation {

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  /** The member chosen (null: nobody can take it) and every member's credit after the turn. */
  record Turn(String memberId, Map<String, BigDecimal> credits) {}

  private Rotation() {}

  static List<Candidate> pool(List<Candidate> members) {
    Instant soonest =
        members.stream()
            .filter(Candidate::eligible)
            .map(Candidate::available)
            .min(Comparator.naturalOrder())
            .orElse(null);
    return members.stream()
        .filter(c -> c.eligible() && c.available().equals(soonest))
        .sorted(Comparator.comparing(Candidate::memberId))
        .toList();
  }

  static Turn turn(List<Candidate> members, Method method) {
    List<Candidate> pool = pool(members);
    if (pool.isEmpty()) {
      return new Turn(null, Map.of());
    }
    BigDecimal total = BigDecimal.valueOf(pool.stream().mapToInt(Candidate::weight).sum());
    Map<String, BigDecimal> credits = new LinkedHashMap<>();
    for (Candidate c : pool) {
      credits.put(
          c.memberId(), c.credit().add(BigDecimal.valueOf(c.weight()).divide(total, PRECISION)));
    }
    Comparator<Candidate> byCredit =
        Comparator.comparing((Candidate c) -> credits.get(c.memberId())).reversed();
    Comparator<Candidate> order =
        method == Method.LEAST_LOADED
            ? Comparator.comparingLong(Candidate::open).thenComparing(byCredit)
            : byCredit;
    Candidate chosen =
        pool.stream().sorted(order.thenComparing(Candidate::memberId)).findFirst().orElseThrow();
    credits.merge(chosen.memberId(), BigDecimal.ONE.negate(), BigDecimal::add);
    credits.replaceAll((id, credit) -> clamp(credit));
    return new Turn(chosen.memberId(), credits);
  }

  private static BigDecimal clamp(BigDecimal credit) {
    return credit.max(BigDecimal.ONE.negate()).min(BigDecimal.ONE);
  }
}
