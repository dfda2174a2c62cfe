package dev.baton.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the funnel, medians included, recomputed from the leads' histories alone by the
 * contract's definitions, is exactly the API's: for a generated history of sixty leads with
 * overturns after a rejection from QUALIFIED and from ACCEPTED, recycles after overturns, ratings
 * and erasures.
 */
@QuarkusTest
class RecomputedFunnelTest {

  private static final JsonPathConfig EXACT = new JsonPathConfig(NumberReturnType.BIG_DECIMAL);

  @Inject TestClock clock;

  @Test
  void theFunnelIsWhatTheHistoriesSay() {
    // Played on a clock stopped and moved on step by step, from two days ago: every duration is
    // known to the second, so the medians can be recomputed too.
    Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    PlayedHistory.Played played = PlayedHistory.play(60, 21L, clock, start);
    clock.reset();
    FunnelRecount recount = new FunnelRecount();
    for (String id : played.ids()) {
      List<Map<String, Object>> events =
          Leads.history(id)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .using(EXACT)
              .getList("data");
      recount.add(events);
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = start.atOffset(ZoneOffset.UTC).toLocalDate();
    JsonPath funnel =
        Api.as(As.ANALYST)
            .get(
                "/api/v1/funnel?from="
                    + first
                    + "&to="
                    + today.plusDays(1)
                    + "&source="
                    + played.source())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(EXACT);

    assertEquals(recount.figures(), FunnelAnswer.figures(funnel, "totals"));
    // The history covers what the contract distinguishes.
    assertTrue(recount.disputesOverturned >= 3 && recount.recycles >= 3, "overturns and recycles");
    assertTrue(recount.byStage.getOrDefault("ACCEPTED", 0L) >= 1, "a rejection after acceptance");
    assertTrue(
        recount.accepted > funnel.getLong("totals.reached.converted"), "accepted, not converted");
  }
}
