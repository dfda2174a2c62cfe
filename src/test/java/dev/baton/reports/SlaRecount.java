package dev.baton.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLA report's counts recomputed from the leads' histories alone, by the contract's words: the
 * cohort is the cycles that were qualified; a clock starts at each entry into QUALIFIED (the
 * handoff, {@code qualify}, an overturned rejection, which restarts it) and is answered by the
 * first accept or reject from QUALIFIED after it; a cycle accepted, then rejected, counts as
 * accepted; the rejections marketing is accountable for are the standing ones.
 */
final class SlaRecount {

  long delivered;
  long answered;
  long accepted;
  long marketing;
  final Map<String, Long> marketingByReason = new TreeMap<>();
  long waitingNow;
  final List<Double> decisionSeconds = new ArrayList<>();

  /** Adds one lead's history (oldest first). */
  void add(List<Map<String, Object>> events) {
    boolean qualified = false;
    boolean clock = false;
    boolean decided = false;
    boolean acceptedNow = false;
    Map<String, Object> rejection = null;
    String status = null;
    Instant started = null;
    Instant decidedAt = null;
    for (Map<String, Object> e : events) {
      String type = (String) e.get("type");
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) e.getOrDefault("data", Map.of());
      Instant at = Instant.parse((String) e.get("occurredAt"));
      if (type.equals("lead.recycled")) {
        count(qualified, decided, acceptedNow, rejection);
        seconds(decided, started, decidedAt);
        qualified = clock = decided = acceptedNow = false;
        rejection = null;
      }
      boolean entersQualified =
          "QUALIFIED".equals(e.get("toStatus"))
              && (type.equals("lead.created")
                  || type.equals("lead.qualified")
                  || type.equals("lead.dispute_resolved"));
      if (entersQualified) {
        qualified = clock = true;
        decided = acceptedNow = false;
        rejection = null;
        started = at;
      }
      if (type.equals("lead.accepted")) {
        decidedAt = clock && !decided ? at : decidedAt;
        decided |= clock;
        acceptedNow = true;
      }
      if (type.equals("lead.rejected")) {
        boolean answers = clock && !decided && "QUALIFIED".equals(e.get("fromStatus"));
        decidedAt = answers ? at : decidedAt;
        decided |= answers;
        rejection = data;
      }
      if (e.get("toStatus") != null) {
        status = (String) e.get("toStatus");
      }
    }
    count(qualified, decided, acceptedNow, rejection);
    seconds(decided, started, decidedAt);
    waitingNow += "QUALIFIED".equals(status) ? 1 : 0;
  }

  private void seconds(boolean decided, Instant started, Instant decidedAt) {
    if (decided) {
      decisionSeconds.add((double) Duration.between(started, decidedAt).toSeconds());
    }
  }

  /** percentile_cont(p) of the seconds, in hours rounded half up to the hundredth. */
  BigDecimal percentileHours(double p) {
    if (decisionSeconds.isEmpty()) {
      return null;
    }
    List<Double> sorted = decisionSeconds.stream().sorted().toList();
    double position = p * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    double value = sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
    return FunnelRecount.decimal(
        BigDecimal.valueOf(value).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
  }

  private void count(
      boolean qualified, boolean decided, boolean acceptedNow, Map<String, Object> rejection) {
    if (!qualified) {
      return;
    }
    delivered++;
    answered += decided ? 1 : 0;
    accepted += acceptedNow ? 1 : 0;
    if (rejection != null && "MARKETING".equals(rejection.get("accountable"))) {
      marketing++;
      marketingByReason.merge((String) rejection.get("reason"), 1L, Long::sum);
    }
  }
}
