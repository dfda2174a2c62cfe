package dev.baton.imports;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.SlaBreachJob;
import dev.baton.testing.Api.As;
import dev.baton.testing.Overdue;
import dev.baton.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The imported past counts exactly as if it had been played live: the same histories, played
 * through the API and imported with their times, give the same funnel and SLA figures.
 */
@QuarkusTest
class ImportedHistoryTest {

  @Inject TestClock clock;
  @Inject SlaBreachJob breaches;
  @Inject AgroalDataSource database;

  @Test
  void anImportedHistoryGivesTheFiguresOfTheSameHistoryPlayedLive() throws Exception {
    Instant start = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    TwinHistories twins;
    try {
      twins = new TwinHistories(45, 7L, clock, start);
    } finally {
      clock.reset();
    }
    breaches.breachDue(); // the live leads still waiting ran out of time long ago
    Overdue.awaitNoneOverdue(database, twins.liveIds, Duration.ofSeconds(20));
    JsonPath job = Imports.run(twins.file.toString(), null);
    assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
    assertEquals(
        45,
        job.getLong("rowsCreated"),
        () ->
            Imports.results(job.getString("id")).stream()
                .map(JsonPath::prettify)
                .toList()
                .toString());
    breaches.breachDue(); // nothing of the import's: its clocks were decided at import time

    String period =
        "?from="
            + start.atOffset(ZoneOffset.UTC).toLocalDate()
            + "&to="
            + LocalDate.now(ZoneOffset.UTC).plusDays(1);
    for (String report : new String[] {"/api/v1/funnel", "/api/v1/sla"}) {
      Map<String, Object> live = figures(report + period + "&source=" + twins.live, twins.live);
      Map<String, Object> imported =
          figures(report + period + "&source=" + twins.imported, twins.imported);
      assertEquals(live, imported, report);
    }
    JsonPath funnel =
        JsonPath.from(
            as(As.ANALYST).get("/api/v1/funnel" + period + "&source=" + twins.imported).asString());
    assertTrue(funnel.getLong("totals.reached.converted") >= 2, funnel.prettify());
    assertTrue(funnel.getLong("totals.recycles") >= 2, funnel.prettify());
  }

  /** The report with its source named as a placeholder, so that the two can be compared. */
  private static Map<String, Object> figures(String path, String source) {
    String body = as(As.ANALYST).get(path).then().statusCode(200).extract().asString();
    return JsonPath.from(body.replace(source, "SOURCE")).getMap("$");
  }
}
