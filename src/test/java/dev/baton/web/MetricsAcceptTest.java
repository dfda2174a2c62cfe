package dev.baton.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics answers in OpenMetrics whoever asks for it (Prometheus does), in the Prometheus text
 * format everyone else.
 */
@QuarkusTest
class MetricsAcceptTest {

  /** Prometheus 2's scrape header: OpenMetrics first, the text format as a fallback. */
  private static final String PROMETHEUS =
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  @Test
  void openMetricsIsServedWhenAskedFor() {
    for (String accept :
        List.of(
            PROMETHEUS,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
            "application/openmetrics-text;version=1.0.0",
            "application/openmetrics-text",
            "text/plain;q=0.5, application/openmetrics-text")) {
      Scrape.accepting(accept)
          .then()
          .statusCode(200)
          .contentType(startsWith("application/openmetrics-text"))
          .body(containsString("\n# HELP baton_handoffs "))
          .body(endsWith("# EOF\n"));
    }
  }

  @Test
  void theTextFormatIsServedWithoutAcceptAndToWhoeverPrefersIt() throws Exception {
    HttpResponse<String> bare = Scrape.withoutAccept();
    assertEquals(200, bare.statusCode());
    assertTrue(bare.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(bare.body().contains("\n# HELP baton_handoffs_total "));
    assertFalse(bare.body().contains("# EOF"));
    for (String accept :
        List.of(
            "text/plain",
            "text/plain;version=0.0.4",
            "*/*",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/openmetrics-text;q=0.3, text/plain")) {
      Scrape.accepting(accept)
          .then()
          .statusCode(200)
          .contentType(startsWith("text/plain"))
          .body(containsString("\n# HELP baton_handoffs_total "))
          .body(not(containsString("# EOF")));
    }
  }

  @Test
  void aScrapeThatAcceptsNeitherFormatIsRefused() {
    Scrape.accepting("application/json").then().statusCode(406);
  }
}
