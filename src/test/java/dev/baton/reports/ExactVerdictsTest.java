package dev.baton.reports;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verdicts are taken on exact values, at a target and one step below it; an acceptance withdrawn by
 * an overturned rejection stays counted as reached.
 */
@QuarkusTest
class ExactVerdictsTest {

  @AfterEach
  void restorePolicy() {
    SlaReportPlays.putPolicy(SlaReportPlays.DEFAULT_POLICY);
  }

  @Test
  void anAcceptanceRateIsJudgedOnItsExactValue() {
    String twoThirdsHigh = segment();
    String twoThirdsLow = segment();
    String threeQuarters = segment();
    String justAbove = segment();
    SlaReportPlays.putPolicy(
        Map.of(
            "acceptanceHours",
            24,
            "segments",
            List.of(
                target(twoThirdsHigh, "0.6667"),
                target(twoThirdsLow, "0.6666"),
                target(threeQuarters, "0.75"),
                target(justAbove, "0.7501"))));
    answered(twoThirdsHigh, 2, 1);
    answered(twoThirdsLow, 2, 1);
    answered(threeQuarters, 3, 1);
    answered(justAbove, 3, 1);

    JsonPath high = report(twoThirdsHigh, null, null);
    assertEquals(new BigDecimal("0.6667"), decimal(high, "marketing.acceptanceRate"));
    assertFalse(high.getBoolean("marketing.acceptanceRateMet"), "2/3 < 0.6667, whatever it shows");
    assertTrue(report(twoThirdsLow, null, null).getBoolean("marketing.acceptanceRateMet"));
    assertTrue(
        report(threeQuarters, null, null).getBoolean("marketing.acceptanceRateMet"),
        "exactly at the target");
    assertFalse(
        report(justAbove, null, null).getBoolean("marketing.acceptanceRateMet"),
        "one step below the target");
  }

  @Test
  void aProratedVolumeIsRoundedUpSoItsVerdictIsExact() {
    String fourAMonth = segment();
    String threeAMonth = segment();
    SlaReportPlays.putPolicy(
        Map.of(
            "acceptanceHours",
            24,
            "segments",
            List.of(
                Map.of("segment", fourAMonth, "qualifiedLeadsPerMonth", 4),
                Map.of("segment", threeAMonth, "qualifiedLeadsPerMonth", 3))));
    answered(fourAMonth, 1, 0);
    answered(threeAMonth, 1, 0);
    // A third of a month (365.25 / 36 days): 4 a month is 1.33 leads, 3 a month exactly one.
    Instant from = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant to = from.plusSeconds(876_600);

    JsonPath four = report(fourAMonth, from, to);
    assertEquals(2, four.getLong("marketing.qualifiedCommitment"), "1.33 rounded up");
    assertFalse(four.getBoolean("marketing.volumeMet"), "1 < 1.33");
    JsonPath three = report(threeAMonth, from, to);
    assertEquals(1, three.getLong("marketing.qualifiedCommitment"));
    assertTrue(three.getBoolean("marketing.volumeMet"), "exactly the commitment");
  }

  @Test
  void anAcceptanceStaysReachedWhenTheRejectionAfterItIsOverturned() {
    String source = Leads.uniqueSource();
    String id = Leads.handOff(Leads.body(source, "QUALIFIED"));
    move(As.SALES, id, "accept", Map.of("owner", "jane"));
    move(As.SALES, id, "reject", Map.of("reason", "NO_NEED"));
    move(As.MARKETING, id, "dispute", Map.of("note", "They do need it"));
    move(As.SALES, id, "dispute/resolve", Map.of("outcome", "OVERTURNED"));

    JsonPath funnel =
        as(As.ANALYST)
            .queryParam("source", source)
            .get("/api/v1/funnel")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        Map.of("generated", 0, "qualified", 1, "accepted", 1, "converted", 0, "rejected", 0),
        funnel.getMap("totals.reached"));
    assertEquals(1, funnel.getInt("totals.disputes.overturned"));
    assertEquals(new BigDecimal("1"), decimal(funnel, "totals.rates.qualifiedToAccepted"));
    assertEquals("QUALIFIED", Leads.get(id).then().extract().path("status"));
  }

  private static String segment() {
    return "exact-" + UUID.randomUUID();
  }

  private static Map<String, Object> target(String segment, String rate) {
    return Map.of("segment", segment, "minAcceptanceRate", new BigDecimal(rate));
  }

  /** Qualified leads of the segment, answered: so many accepted, so many rejected. */
  private static void answered(String segment, int accepted, int rejected) {
    for (int i = 0; i < accepted + rejected; i++) {
      Map<String, Object> body = Leads.body(Leads.uniqueSource(), "QUALIFIED");
      body.put("segment", segment);
      String id = Leads.handOff(body);
      if (i < accepted) {
        move(As.SALES, id, "accept", Map.of("owner", "jane"));
      } else {
        move(As.SALES, id, "reject", Map.of("reason", "NOT_ICP"));
      }
    }
  }

  private static JsonPath report(String segment, Instant from, Instant to) {
    var request = as(As.ANALYST).queryParam("segment", segment);
    if (from != null) {
      request = request.queryParam("from", from.toString()).queryParam("to", to.toString());
    }
    return request.get(SlaReportPlays.SLA).then().statusCode(200).extract().jsonPath();
  }

  private static BigDecimal decimal(JsonPath json, String path) {
    return new BigDecimal(json.getString(path)).stripTrailingZeros();
  }

  private static void move(As role, String id, String action, Map<String, ?> input) {
    Leads.move(as(role), id, action, input).then().statusCode(200);
  }
}
