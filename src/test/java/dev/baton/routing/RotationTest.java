package dev.baton.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The weighted rotation, played turn by turn without a database. */
class RotationTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void everyMemberStaysWithinOneLeadOfItsShareAtEveryTurn() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int size = 2 + random.nextInt(11);
      int[] weights = new int[size];
      for (int i = 0; i < size; i++) {
        weights[i] = 1 + random.nextInt(10);
      }
      assertFair(weights, 500);
    }
  }

  @Test
  void weightsOneToFourShareAThousandLeadsExactly() {
    Map<String, Integer> counts = play(new int[] {1, 2, 3, 4}, 1000);
    assertEquals(Map.of("m0", 100, "m1", 200, "m2", 300, "m3", 400), counts);
  }

  @Test
  void aMemberAwayOrAtCapacityIsLeftOutAndNotFloodedOnReturn() {
    List<Candidate> members = new ArrayList<>();
    members.add(candidate("a", 1, BigDecimal.ZERO, true, 0, null));
    members.add(candidate("b", 1, BigDecimal.ZERO, false, 0, null));
    members.add(candidate("c", 1, BigDecimal.ZERO, true, 5, 5));
    for (int turn = 0; turn < 10; turn++) {
      Rotation.Turn taken = Rotation.turn(members, Method.WEIGHTED_ROUND_ROBIN);
      assertEquals("a", taken.memberId(), "only a is present and under capacity");
      members.set(0, with(members.get(0), taken.credits().get("a")));
    }
    assertTrue(members.get(0).credit().abs().compareTo(BigDecimal.ONE) <= 0);
    // b comes back: its credit was frozen at 0, a's is 0 too, so they alternate from here.
    members.set(1, candidate("b", 1, BigDecimal.ZERO, true, 0, null));
    Map<String, Integer> counts = new HashMap<>();
    for (int turn = 0; turn < 10; turn++) {
      Rotation.Turn taken = Rotation.turn(members, Method.WEIGHTED_ROUND_ROBIN);
      counts.merge(taken.memberId(), 1, Integer::sum);
      for (int i = 0; i < 2; i++) {
        members.set(i, with(members.get(i), taken.credits().get(members.get(i).memberId())));
      }
    }
    assertEquals(Map.of("a", 5, "b", 5), counts);
  }

  @Test
  void nobodyEligibleMeansNoMember() {
    List<Candidate> members =
        List.of(
            candidate("a", 1, BigDecimal.ZERO, false, 0, null),
            candidate("b", 1, BigDecimal.ZERO, true, 3, 3));
    assertNull(Rotation.turn(members, Method.WEIGHTED_ROUND_ROBIN).memberId());
    assertNull(Rotation.turn(List.of(), Method.LEAST_LOADED).memberId());
  }

  @Test
  void leastLoadedTakesTheFewestWaitingWhateverTheCredit() {
    List<Candidate> members =
        List.of(
            candidate("a", 1, new BigDecimal("0.9"), true, 4, null),
            candidate("b", 1, new BigDecimal("-0.9"), true, 2, null),
            candidate("c", 1, BigDecimal.ZERO, true, 3, null));
    assertEquals("b", Rotation.turn(members, Method.LEAST_LOADED).memberId());
  }

  @Test
  void whenNobodyWorksNowThoseWhoStartFirstGetTheLead() {
    Instant later = NOW.plusSeconds(3600);
    Instant muchLater = NOW.plusSeconds(7200);
    List<Candidate> members =
        List.of(
            new Candidate("a", 1, BigDecimal.ONE, true, muchLater, 0, null, 0, null),
            new Candidate("b", 1, BigDecimal.ZERO, true, later, 0, null, 0, null));
    assertEquals("b", Rotation.turn(members, Method.WEIGHTED_ROUND_ROBIN).memberId());
    List<Candidate> oneWorking =
        List.of(
            new Candidate("a", 1, BigDecimal.ONE, true, later, 0, null, 0, null),
            new Candidate("b", 1, BigDecimal.ZERO, true, NOW, 0, null, 0, null));
    assertEquals("b", Rotation.turn(oneWorking, Method.WEIGHTED_ROUND_ROBIN).memberId());
  }

  private static void assertFair(int[] weights, int turns) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    List<Candidate> members = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      members.add(candidate("m" + i, weights[i], BigDecimal.ZERO, true, 0, null));
    }
    int[] counts = new int[weights.length];
    for (int turn = 1; turn <= turns; turn++) {
      Rotation.Turn taken = Rotation.turn(members, Method.WEIGHTED_ROUND_ROBIN);
      for (int i = 0; i < members.size(); i++) {
        Candidate c = members.get(i);
        if (c.memberId().equals(taken.memberId())) {
          counts[i]++;
        }
        members.set(i, with(c, taken.credits().get(c.memberId())));
      }
      for (int i = 0; i < weights.length; i++) {
        double share = (double) turn * weights[i] / total;
        assertTrue(
            Math.abs(counts[i] - share) <= 1 + 1e-9,
            "weights "
                + java.util.Arrays.toString(weights)
                + ", turn "
                + turn
                + ": m"
                + i
                + " has "
                + counts[i]
                + " for a share of "
                + share);
      }
    }
  }

  private static Map<String, Integer> play(int[] weights, int turns) {
    List<Candidate> members = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      members.add(candidate("m" + i, weights[i], BigDecimal.ZERO, true, 0, null));
    }
    Map<String, Integer> counts = new HashMap<>();
    for (int turn = 0; turn < turns; turn++) {
      Rotation.Turn taken = Rotation.turn(members, Method.WEIGHTED_ROUND_ROBIN);
      counts.merge(taken.memberId(), 1, Integer::sum);
      members.replaceAll(c -> with(c, taken.credits().get(c.memberId())));
    }
    return counts;
  }

  private static Candidate candidate(
      String id, int weight, BigDecimal credit, boolean present, long open, Integer maxOpen) {
    return new Candidate(id, weight, credit, present, NOW, open, maxOpen, 0, null);
  }

  private static Candidate with(Candidate c, BigDecimal credit) {
    return credit == null
        ? c
        : new Candidate(
            c.memberId(),
            c.weight(),
            credit,
            c.present(),
            c.available(),
            c.open(),
            c.maxOpen(),
            c.today(),
            c.maxPerDay());
  }
}
