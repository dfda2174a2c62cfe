package dev.baton.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SLA report's counts, rate and percentiles, recomputed from a generated history's events by
 * the contract's words (played on a stopped clock moved on step by step, so that every duration is
 * known to the second), are exactly the API's.
 */
@QuarkusTest
class RecomputedSlaTest {

  @Inject TestClock clock;

  @Test
  void theSlaReportIsWhatTheHistoriesSay() {
    Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    PlayedHistory.Played played = PlayedHistory.play(50, 7L, clock, start);
    clock.reset();
    SlaRecount recount = new SlaRecount();
    for (String id : played.ids()) {
      recount.add(Leads.history(id).then().statusCode(200).extract().jsonPath().getList("data"));
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonPath sla =
        Api.as(As.ANALYST)
            .get(
                "/api/v1/sla?from="
                    + start.atOffset(ZoneOffset.UTC).toLocalDate()
                    + "&to="
                    + today.plusDays(1)
                    + "&source="
                    + played.source())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    Map<String, Object> expected = new TreeMap<>();
    expected.put("qualifiedDelivered", recount.delivered);
    expected.put("answered", recount.answered);
    expected.put("accepted", recount.accepted);
    expected.put("rejectionsAccountableToMarketing", recount.marketing);
    expected.put("marketingRejectionsByReason", recount.marketingByReason);
    expected.put("acceptanceRate", FunnelRecount.rate(recount.accepted, recount.answered));
    expected.put("waitingNow", recount.waitingNow);
    expected.put("medianHoursToDecision", recount.percentileHours(0.5));
    expected.put("p90HoursToDecision", recount.percentileHours(0.9));
    Map<String, Object> actual = new TreeMap<>();
    for (String count :
        List.of("qualifiedDelivered", "answered", "accepted", "rejectionsAccountableToMarketing")) {
      actual.put(count, sla.getLong("marketing." + count));
    }
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, Object> given = sla.getMap("marketing.marketingRejectionsByReason");
    given.forEach((k, v) -> byReason.put(k, ((Number) v).longValue()));
    actual.put("marketingRejectionsByReason", byReason);
    actual.put("acceptanceRate", FunnelRecount.decimal(sla.get("marketing.acceptanceRate")));
    actual.put("waitingNow", sla.getLong("sales.waitingNow"));
    actual.put(
        "medianHoursToDecision", FunnelRecount.decimal(sla.get("sales.medianHoursToDecision")));
    actual.put("p90HoursToDecision", FunnelRecount.decimal(sla.get("sales.p90HoursToDecision")));
    expected.put("acceptanceRate", FunnelRecount.decimal(expected.get("acceptanceRate")));
    assertEquals(expected, actual);
    // Every answer came within minutes of its clock's start: all in time.
    assertEquals(recount.answered, sla.getLong("sales.answeredWithinSla"));
  }
}
