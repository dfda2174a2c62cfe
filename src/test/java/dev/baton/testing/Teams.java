package dev.baton.testing;

import static dev.baton.testing.Api.as;

import dev.baton.testing.Api.As;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sales team made through the API: members, queues and routing rules, each with ids of its own so
 * tests do not meet. The routing policy is global: a test that sets one puts the empty one back
 * ({@link #noRouting()}) so other tests' leads stay unassigned.
 */
public final class Teams {

  private Teams() {}

  /** A fresh id with a readable prefix. */
  public static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A member with {@code fields} over a plain default (UTC, always working). */
  public static String member(String prefix, Map<String, Object> fields) {
    String id = id(prefix);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", prefix);
    body.put("timeZone", "UTC");
    body.putAll(fields);
    as(As.SALES_MANAGER).body(body).put("/api/v1/members/" + id).then().statusCode(201);
    return id;
  }

  public static String member(String prefix) {
    return member(prefix, Map.of());
  }

  /** A queue of {@code weights} by member id. */
  public static String queue(String prefix, Map<String, Integer> weights) {
    String id = id(prefix);
    List<Map<String, Object>> seats = new ArrayList<>();
    weights.forEach((member, weight) -> seats.add(Map.of("memberId", member, "weight", weight)));
    as(As.SALES_MANAGER)
        .body(Map.of("name", prefix, "members", seats))
        .put("/api/v1/queues/" + id)
        .then()
        .statusCode(201);
    return id;
  }

  /** Replaces the routing policy. */
  public static void routing(List<Map<String, Object>> rules, String fallbackQueue) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("rules", rules);
    if (fallbackQueue != null) {
      body.put("fallbackQueue", fallbackQueue);
    }
    as(As.SALES_MANAGER).body(body).put("/api/v1/routing").then().statusCode(200);
  }

  /** A rule sending leads matching {@code when} to {@code queue} by {@code method}. */
  public static Map<String, Object> rule(
      String name, Map<String, Object> when, String queue, String method) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", name);
    rule.put("when", when);
    rule.put("queue", queue);
    rule.put("method", method);
    return rule;
  }

  /** Routing off: no rules, no fallback queue. */
  public static void noRouting() {
    routing(List.of(), null);
  }
}
