package dev.baton.sla;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;

import dev.baton.testing.Api.As;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SLA policy, its reset and the listing by SLA state shared by the SLA tests. */
final class SlaScenes {

  static final String POLICY = "/api/v1/sla/policy";
  static final String PROBLEM = "urn:baton:problem:";

  private SlaScenes() {}

  /**
   * The policy is one for the whole service: a test that replaces it puts the default back, which
   * every other test assumes.
   */
  static void restoreDefaultPolicy() {
    as(As.ADMIN).body(Map.of("acceptanceHours", 24)).put(POLICY).then().statusCode(200);
  }

  static String uniqueSegment() {
    return "seg-" + UUID.randomUUID();
  }

  static List<String> listed(String source, String slaState) {
    return as(As.ANALYST)
        .queryParam("source", source)
        .queryParam("slaState", slaState)
        .get(LEADS)
        .then()
        .statusCode(200)
        .extract()
        .path("data.id");
  }
}
