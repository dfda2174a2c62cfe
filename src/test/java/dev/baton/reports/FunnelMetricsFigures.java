package dev.baton.reports;

import static dev.baton.testing.ExactReads.assertAmounts;
import static dev.baton.testing.ExactReads.assertCounts;
import static dev.baton.testing.ExactReads.assertDecimal;
import static dev.baton.testing.ExactReads.assertLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The figures the funnel tests expect of a set of cycles, and their checks against a report. */
final class FunnelMetricsFigures {

  private FunnelMetricsFigures() {}

  static void assertGroups(List<Figures> expected, JsonNode groups) {
    assertEquals(
        expected.stream().map(f -> f.key).toList(), keys(groups), "groups, most handoffs first");
    for (int i = 0; i < expected.size(); i++) {
      expected.get(i).assertMatches(groups.get(i), "group " + expected.get(i).key);
    }
  }

  static void assertKeysAndHandoffs(JsonNode groups, String[] keys, long[] handedOff) {
    assertEquals(Arrays.asList(keys), keys(groups), "group keys in order");
    for (int i = 0; i < keys.length; i++) {
      assertEquals(
          handedOff[i], groups.get(i).get("handedOff").longValue(), "handedOff " + keys[i]);
    }
  }

  private static List<String> keys(JsonNode groups) {
    List<String> keys = new ArrayList<>();
    groups.forEach(g -> keys.add(g.has("key") ? g.get("key").asText() : null));
    return keys;
  }

  /** The figures of a set of cycles, as an auditor expects them; decimals as exact strings. */
  static final class Figures {
    final String key;
    long handedOff;
    long[] reached;
    String[] rates;
    Map<String, Long> byReason;
    long[] accountable;
    String toAccept;
    String toConvert;
    String meanRating;
    long ratings;
    long opened;
    long overturned;
    long recycles;
    Map<String, String> amounts;

    Figures(String key) {
      this.key = key;
    }

    Figures handedOff(long n) {
      handedOff = n;
      return this;
    }

    Figures reached(long generated, long qualified, long accepted, long converted, long rejected) {
      reached = new long[] {generated, qualified, accepted, converted, rejected};
      return this;
    }

    Figures rates(
        String qualifiedToAccepted, String acceptedToConverted, String qualifiedToConverted) {
      rates = new String[] {qualifiedToAccepted, acceptedToConverted, qualifiedToConverted};
      return this;
    }

    Figures rejections(Map<String, Long> byReason, long marketing, long sales, long none) {
      this.byReason = byReason;
      accountable = new long[] {marketing, sales, none};
      return this;
    }

    Figures hours(String toAccept, String toConvert) {
      this.toAccept = toAccept;
      this.toConvert = toConvert;
      return this;
    }

    Figures quality(String meanRating, long ratings) {
      this.meanRating = meanRating;
      this.ratings = ratings;
      return this;
    }

    Figures disputes(long opened, long overturned) {
      this.opened = opened;
      this.overturned = overturned;
      return this;
    }

    Figures recycles(long n) {
      recycles = n;
      return this;
    }

    Figures amounts(Map<String, String> amounts) {
      this.amounts = amounts;
      return this;
    }

    void assertMatches(JsonNode actual, String what) {
      if (key == null) {
        assertFalse(actual.has("key"), what + ": no key, was " + actual.get("key"));
      } else {
        assertEquals(key, actual.get("key").asText(), what + ".key");
      }
      assertLong(handedOff, actual, "handedOff", what);
      JsonNode r = actual.get("reached");
      String[] statuses = {"generated", "qualified", "accepted", "converted", "rejected"};
      for (int i = 0; i < statuses.length; i++) {
        assertLong(reached[i], r, statuses[i], what + ".reached");
      }
      JsonNode rt = actual.get("rates");
      assertDecimal(rates[0], rt, "qualifiedToAccepted", what + ".rates");
      assertDecimal(rates[1], rt, "acceptedToConverted", what + ".rates");
      assertDecimal(rates[2], rt, "qualifiedToConverted", what + ".rates");
      JsonNode rejections = actual.get("rejections");
      assertCounts(byReason, rejections.get("byReason"), what + ".rejections.byReason");
      JsonNode by = rejections.get("byAccountable");
      assertLong(accountable[0], by, "marketing", what + ".byAccountable");
      assertLong(accountable[1], by, "sales", what + ".byAccountable");
      assertLong(accountable[2], by, "none", what + ".byAccountable");
      assertDecimal(toAccept, actual, "medianHoursToAccept", what);
      assertDecimal(toConvert, actual, "medianHoursToConvert", what);
      assertDecimal(meanRating, actual.get("quality"), "meanRating", what + ".quality");
      assertLong(ratings, actual.get("quality"), "ratings", what + ".quality");
      assertLong(opened, actual.get("disputes"), "opened", what + ".disputes");
      assertLong(overturned, actual.get("disputes"), "overturned", what + ".disputes");
      assertLong(recycles, actual, "recycles", what);
      assertAmounts(amounts, actual.get("convertedAmounts"), what + ".convertedAmounts");
      assertTrue(actual.size() <= 11, what + ": no unexpected field in " + actual);
    }
  }
}
