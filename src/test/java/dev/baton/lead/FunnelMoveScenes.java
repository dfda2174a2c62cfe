package dev.baton.lead;

import dev.baton.testing.Leads;
import io.restassured.path.json.JsonPath;

/** Lead reads shared by the funnel move tests. */
final class FunnelMoveScenes {

  private FunnelMoveScenes() {}

  static JsonPath lead(String id) {
    return Leads.get(id).then().statusCode(200).extract().jsonPath();
  }
}
