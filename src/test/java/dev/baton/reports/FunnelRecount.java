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
 * The funnel's figures recomputed from the leads' histories alone, by the contract's definitions
 * (the description of {@code getFunnelMetrics} and its schemas), as a skeptical analyst would: a
 * cycle starts at the handoff and at each recycle; it reached a status if any of its events entered
 * it; its standing rejection is the last one not overturned; rates are rounded half up to four
 * decimals and the mean rating to the hundredth.
 */
final class FunnelRecount {

  long handedOff;
  long generated;
  long qualified;
  long accepted;
  long converted;
  long rejected;
  final Map<String, Long> byReason = new TreeMap<>();
  final Map<String, Long> byAccountable = new TreeMap<>();
  final Map<String, Long> byStage = new TreeMap<>();
  long disputesOpened;
  long disputesOverturned;
  long recycles;
  long ratingSum;
  long ratings;
  final Map<String, BigDecimal> amounts = new TreeMap<>();

  final List<Double> toAccept = new ArrayList<>();
  final List<Double> toConvert = new ArrayList<>();

  /** One cycle as its events tell it. */
  private static final class Cycle {
    Instant enteredQualified; // the last entry, where the hours to accept start
    Instant acceptedAt; // the standing acceptance, cleared by an overturn
    Instant convertedAt;
    boolean generated;
    boolean qualified;
    boolean accepted;
    boolean converted;
    Map<String, Object> rejection; // the standing one: its event's data, plus "from"
    BigDecimal amount;
    String currency;
  }

  /** Adds one lead's history (oldest first) to the figures. */
  void add(List<Map<String, Object>> events) {
    List<Cycle> cycles = new ArrayList<>();
    Cycle cycle = null;
    for (Map<String, Object> e : events) {
      String type = (String) e.get("type");
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) e.getOrDefault("data", Map.of());
      switch (type) {
        case "lead.created" -> {
          cycle = new Cycle();
          cycles.add(cycle);
          enter(cycle, (String) e.get("toStatus"));
          cycle.enteredQualified = cycle.qualified ? at(e) : null;
        }
        case "lead.recycled" -> {
          recycles++;
          cycle = new Cycle();
          cycles.add(cycle);
          cycle.generated = true;
        }
        case "lead.qualified" -> {
          cycle.qualified = true;
          cycle.enteredQualified = at(e);
        }
        case "lead.accepted" -> {
          cycle.accepted = true;
          cycle.acceptedAt = at(e);
        }
        case "lead.converted" -> {
          cycle.converted = true;
          cycle.convertedAt = at(e);
          if (data.get("amount") != null) {
            cycle.amount = new BigDecimal(data.get("amount").toString());
            cycle.currency = (String) data.get("currency");
          }
        }
        case "lead.rejected" -> {
          cycle.rejection = new TreeMap<>(data);
          cycle.rejection.put("from", e.get("fromStatus"));
        }
        case "lead.disputed" -> disputesOpened++;
        case "lead.dispute_resolved" -> {
          if ("OVERTURNED".equals(data.get("outcome"))) {
            disputesOverturned++;
            cycle.rejection = null;
            cycle.acceptedAt = null;
            cycle.enteredQualified = at(e);
          }
        }
        case "lead.feedback_added" -> {
          if (data.get("rating") != null) {
            ratingSum += ((Number) data.get("rating")).longValue();
            ratings++;
          }
        }
        default -> {}
      }
    }
    for (Cycle c : cycles) {
      handedOff++;
      generated += c.generated ? 1 : 0;
      qualified += c.qualified ? 1 : 0;
      accepted += c.accepted ? 1 : 0;
      converted += c.converted ? 1 : 0;
      if (c.rejection != null) {
        rejected++;
        byReason.merge((String) c.rejection.get("reason"), 1L, Long::sum);
        byAccountable.merge((String) c.rejection.get("accountable"), 1L, Long::sum);
        byStage.merge((String) c.rejection.get("from"), 1L, Long::sum);
      }
      if (c.acceptedAt != null) {
        toAccept.add((double) Duration.between(c.enteredQualified, c.acceptedAt).toSeconds());
        if (c.convertedAt != null) {
          toConvert.add((double) Duration.between(c.acceptedAt, c.convertedAt).toSeconds());
        }
      }
      if (c.converted && c.amount != null) {
        amounts.merge(c.currency, c.amount, BigDecimal::add);
      }
    }
  }

  private static Instant at(Map<String, Object> event) {
    return Instant.parse((String) event.get("occurredAt"));
  }

  /** The median as percentile_cont(0.5) takes it, in hours rounded half up to the hundredth. */
  static BigDecimal medianHours(List<Double> seconds) {
    if (seconds.isEmpty()) {
      return null;
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return decimal(
        BigDecimal.valueOf(median).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
  }

  private static void enter(Cycle cycle, String status) {
    cycle.generated = "GENERATED".equals(status);
    cycle.qualified = "QUALIFIED".equals(status);
  }

  static BigDecimal rate(long numerator, long denominator) {
    return denominator == 0
        ? null
        : BigDecimal.valueOf(numerator)
            .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
  }

  /** Every figure as the API's answer lays it out, for one exact comparison. */
  Map<String, Object> figures() {
    Map<String, Object> f = new TreeMap<>();
    f.put("handedOff", handedOff);
    f.put(
        "reached",
        Map.of(
            "generated",
            generated,
            "qualified",
            qualified,
            "accepted",
            accepted,
            "converted",
            converted,
            "rejected",
            rejected));
    f.put("rates.qualifiedToAccepted", decimal(rate(accepted, qualified)));
    f.put("rates.acceptedToConverted", decimal(rate(converted, accepted)));
    f.put("rates.qualifiedToConverted", decimal(rate(converted, qualified)));
    f.put("rejections.byReason", byReason);
    f.put(
        "rejections.byAccountable",
        Map.of(
            "marketing", byAccountable.getOrDefault("MARKETING", 0L),
            "sales", byAccountable.getOrDefault("SALES", 0L),
            "none", byAccountable.getOrDefault("NONE", 0L)));
    f.put(
        "rejections.byStage",
        Map.of(
            "generated", byStage.getOrDefault("GENERATED", 0L),
            "qualified", byStage.getOrDefault("QUALIFIED", 0L),
            "accepted", byStage.getOrDefault("ACCEPTED", 0L)));
    f.put(
        "quality.meanRating",
        ratings == 0
            ? null
            : decimal(
                BigDecimal.valueOf(ratingSum)
                    .divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP)));
    f.put("quality.ratings", ratings);
    f.put("medianHoursToAccept", medianHours(toAccept));
    f.put("medianHoursToConvert", medianHours(toConvert));
    f.put("disputes", Map.of("opened", disputesOpened, "overturned", disputesOverturned));
    f.put("recycles", recycles);
    Map<String, BigDecimal> exact = new TreeMap<>();
    amounts.forEach((k, v) -> exact.put(k, decimal(v)));
    f.put("convertedAmounts", exact);
    return f;
  }

  /** A decimal as a value, without its scale (0.5000 is 0.5), so that maps compare by value. */
  static BigDecimal decimal(Object value) {
    return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
  }
}
