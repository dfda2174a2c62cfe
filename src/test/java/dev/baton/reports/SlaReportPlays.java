package dev.baton.reports;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.ExactReads.assertCounts;
import static dev.baton.testing.ExactReads.assertDecimal;
import static dev.baton.testing.ExactReads.assertLong;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The SLA report's paths, policies, reads and checks the SLA report tests share. */
final class SlaReportPlays {

  static final String SLA = "/api/v1/sla";
  static final String POLICY = "/api/v1/sla/policy";
  static final Map<String, Object> DEFAULT_POLICY = Map.of("acceptanceHours", 24);

  private SlaReportPlays() {}

  static void putPolicy(Map<String, Object> policy) {
    as(As.ADMIN).body(policy).put(POLICY).then().statusCode(200);
  }

  static Map<String, Object> policyFor(String segment) {
    return Map.of(
        "acceptanceHours",
        24,
        "qualifiedLeadsPerMonth",
        1000,
        "minAcceptanceRate",
        0.9,
        "segments",
        List.of(
            Map.of(
                "segment",
                segment,
                "acceptanceHours",
                4,
                "qualifiedLeadsPerMonth",
                33,
                "minAcceptanceRate",
                0.55)));
  }

  static JsonPath lead(String id) {
    return Leads.get(id).then().statusCode(200).extract().jsonPath();
  }

  static Map<String, String> query(Instant from, Instant to, String segment) {
    return segment == null
        ? Map.of("from", from.toString(), "to", to.toString())
        : Map.of("from", from.toString(), "to", to.toString(), "segment", segment);
  }

  /**
   * The report of {@link SlaSegmentReportTest}'s other segment, without an entry in the policy: S13
   * alone, with no volume commitment and the default acceptance-rate target.
   */
  static void assertOtherSegmentsReport(JsonNode others) {
    JsonNode m = others.get("marketing");
    assertLong(1, m, "qualifiedDelivered", "other");
    assertFalse(m.has("qualifiedCommitment"), "no commitment: " + m);
    assertFalse(m.has("volumeMet"), "no commitment: " + m);
    assertLong(1, m, "answered", "other");
    assertLong(1, m, "accepted", "other");
    assertDecimal("1.0000", m, "acceptanceRate", "other");
    assertDecimal("0.9", m, "acceptanceRateTarget", "other");
    assertTrue(m.get("acceptanceRateMet").booleanValue());
    assertLong(0, m, "rejectionsAccountableToMarketing", "other");
    assertCounts(Map.of(), m.get("marketingRejectionsByReason"), "other.byReason");
    JsonNode s = others.get("sales");
    assertLong(1, s, "due", "other");
    assertLong(1, s, "answeredWithinSla", "other");
    assertDecimal("1.0000", s, "shareWithinSla", "other");
    assertDecimal("1.00", s, "medianHoursToDecision", "other");
    assertDecimal("1.00", s, "p90HoursToDecision", "other");
    assertLong(0, s, "breaches", "other");
    assertLong(0, s, "waitingNow", "other");
    assertLong(0, s, "overdueNow", "other");
  }

  /**
   * The report of {@link SlaSegmentReportTest}'s segment over the first 13 hours of its period:
   * S1-S7 and S12.
   */
  static void assertMorningReport(JsonNode morning) {
    assertLong(8, morning.get("marketing"), "qualifiedDelivered", "morning");
    // 33 a month × 13 hours / (365.25 / 12 × 24) hours = 0.59
    assertLong(1, morning.get("marketing"), "qualifiedCommitment", "morning");
    assertTrue(morning.get("marketing").get("volumeMet").booleanValue(), "8 ≥ 1");
    assertLong(8, morning.get("marketing"), "answered", "morning");
    // S1 S2 S6 S7
    assertLong(4, morning.get("marketing"), "accepted", "morning");
    assertDecimal("0.5000", morning.get("marketing"), "acceptanceRate", "morning");
    assertFalse(morning.get("marketing").get("acceptanceRateMet").booleanValue(), "0.5 < 0.55");
    assertLong(8, morning.get("sales"), "due", "morning");
    assertLong(6, morning.get("sales"), "answeredWithinSla", "morning");
    assertDecimal("0.7500", morning.get("sales"), "shareWithinSla", "morning");
    // 0.5 1 1 1.5 | 2 3 6 10 -> (1.5 + 2) / 2; p90 at 6.3: 6 + 0.3 × 4
    assertDecimal("1.75", morning.get("sales"), "medianHoursToDecision", "morning");
    assertDecimal("7.20", morning.get("sales"), "p90HoursToDecision", "morning");
    assertLong(2, morning.get("sales"), "breaches", "morning");
  }
}
