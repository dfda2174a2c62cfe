package dev.baton.reason;

import static dev.baton.testing.Api.as;

import dev.baton.testing.Api.As;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Calls and request bodies shared by the rejection-reason tests. */
final class RejectionReasonCalls {

  static final String REASONS = "/api/v1/rejection-reasons";

  private RejectionReasonCalls() {}

  static String uniqueCode() {
    return "R_" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
  }

  static Map<String, Object> reason(String code, String accountable, Object requiresNote) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("label", "Label of " + code);
    body.put("accountable", accountable);
    if (requiresNote != null) {
      body.put("requiresNote", requiresNote);
    }
    return body;
  }

  static JsonPath list(String active) {
    var request = as(As.ANALYST);
    if (active != null) {
      request.queryParam("active", active);
    }
    return request.get(REASONS).then().statusCode(200).extract().jsonPath();
  }

  static Map<String, Object> find(JsonPath list, String code) {
    List<Map<String, Object>> all = list.getList("data");
    return all.stream().filter(r -> code.equals(r.get("code"))).findFirst().orElse(null);
  }
}
