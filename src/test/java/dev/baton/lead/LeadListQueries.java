package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Lead making and list reads shared by the lead list tests. */
final class LeadListQueries {

  private LeadListQueries() {}

  static JsonPath list(Map<String, ?> query) {
    return as(As.ANALYST).queryParams(query).get(LEADS).then().statusCode(200).extract().jsonPath();
  }

  static List<String> ids(Map<String, ?> query) {
    return list(query).getList("data.id");
  }

  static String leadWith(String source, String campaign, String segment, String status) {
    Map<String, Object> body = Leads.body(source, status);
    @SuppressWarnings("unchecked")
    Map<String, Object> attribution = (Map<String, Object>) body.get("attribution");
    attribution.put("campaign", campaign);
    body.put("segment", segment);
    return Leads.handOff(body);
  }
}
