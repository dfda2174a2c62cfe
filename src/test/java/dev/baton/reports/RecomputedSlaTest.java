package dev.baton.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SLA report's counts, recomputed from a generated history's events by the contract's words,
 * are exactly the API's; its rates are those counts divided and rounded as stated.
 */
@QuarkusTest
class RecomputedSlaTest {

  @Test
  void theSlaReportIsWhatTheHistoriesSay() {
    PlayedHistory.Played played = PlayedHistory.play(50, 7L);
    SlaRecount recount = new SlaRecount();
    for (String id : played.ids()) {
      recount.add(Leads.history(id).then().statusCode(200).extract().jsonPath().getList("data"));
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonPath sla =
        Api.as(As.ANALYST)
            .get(
                "/api/v1/sla?from="
                    + today.minusDays(1)
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
    expected.put("acceptanceRate", FunnelRecount.decimal(expected.get("acceptanceRate")));
    assertEquals(expected, actual);
    // Every clock of the period is answered or still running within its day: due is answered.
    assertEquals(recount.answered, sla.getLong("sales.due"));
    assertEquals(recount.answered, sla.getLong("sales.answeredWithinSla"));
  }
}
