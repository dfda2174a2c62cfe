package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Leads, calls and reads shared by the dispute tests. */
final class DisputeScenes {

  static final String PROBLEM = "urn:baton:problem:";

  private DisputeScenes() {}

  /** A lead sales had (handed off QUALIFIED) and rejected as NOT_ICP. */
  static String rejectedBySales() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_ICP", "note", "Too small"))
        .then()
        .statusCode(200);
    return id;
  }

  static Response dispute(RequestSpecification caller, String id, Map<String, ?> body) {
    return caller.body(body).post(LEADS + "/" + id + "/dispute");
  }

  static Response resolve(RequestSpecification caller, String id, Map<String, ?> body) {
    return caller.body(body).post(LEADS + "/" + id + "/dispute/resolve");
  }

  static Map<String, Object> case_() {
    return Map.of("note", "800 employees, fintech: squarely our ICP");
  }

  static JsonPath lead(String id) {
    return Leads.get(id).then().statusCode(200).extract().jsonPath();
  }

  static long count(List<String> types, String type) {
    return types.stream().filter(type::equals).count();
  }

  /** The lead ids of every event of this type in the change feed. */
  static List<String> feed(String type) {
    List<String> leads = new ArrayList<>();
    String cursor = null;
    while (true) {
      RequestSpecification request =
          Api.as(As.ANALYST).queryParam("types", type).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("after", cursor);
      }
      JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
      List<String> types = page.getList("data.type", String.class);
      assertTrue(types.stream().allMatch(type::equals), "only " + type + ": " + types);
      List<String> ids = page.getList("data.leadId", String.class);
      leads.addAll(ids);
      String next = page.getString("nextCursor");
      assertNotNull(next);
      if (ids.isEmpty() || next.equals(cursor)) {
        return leads;
      }
      cursor = next;
    }
  }
}
