package dev.baton.reports;

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

  /** Adds one lead's history (oldest first). */
  void add(List<Map<String, Object>> events) {
    boolean qualified = false;
    boolean clock = false;
    boolean decided = false;
    boolean acceptedNow = false;
    Map<String, Object> rejection = null;
    String status = null;
    for (Map<String, Object> e : events) {
      String type = (String) e.get("type");
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) e.getOrDefault("data", Map.of());
      if (type.equals("lead.recycled")) {
        count(qualified, decided, acceptedNow, rejection);
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
      }
      if (type.equals("lead.accepted")) {
        decided |= clock;
        acceptedNow = true;
      }
      if (type.equals("lead.rejected")) {
        decided |= clock && "QUALIFIED".equals(e.get("fromStatus"));
        rejection = data;
      }
      if (e.get("toStatus") != null) {
        status = (String) e.get("toStatus");
      }
    }
    count(qualified, decided, acceptedNow, rejection);
    waitingNow += "QUALIFIED".equals(status) ? 1 : 0;
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
