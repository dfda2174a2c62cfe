package dev.baton.testing;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.testing.Api.As;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The metrics tests' reads: a report read with exact decimals, and exact comparisons of it. */
public final class ExactReads {

  private ExactReads() {}

  /** GET as a role, 200, read with exact decimals. */
  public static JsonNode read(As role, String path, Map<String, ?> query) {
    Response response = as(role).queryParams(query).get(path);
    assertEquals(200, response.statusCode(), response::asString);
    try {
      return CycleRows.JSON.readTree(response.asString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** An exact decimal, or absent when {@code expected} is null. */
  public static void assertDecimal(String expected, JsonNode parent, String field, String what) {
    JsonNode value = parent.get(field);
    if (expected == null) {
      assertTrue(value == null || value.isNull(), what + "." + field + " absent, was " + value);
      return;
    }
    assertNotNull(value, what + "." + field + " present");
    assertTrue(value.isNumber(), what + "." + field + " is a number: " + value);
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(value.decimalValue()),
        what + "." + field + ": expected " + expected + ", was " + value);
  }

  public static void assertLong(long expected, JsonNode parent, String field, String what) {
    JsonNode value = parent.get(field);
    assertNotNull(value, what + "." + field + " present");
    assertTrue(value.isIntegralNumber(), what + "." + field + " is an integer: " + value);
    assertEquals(expected, value.longValue(), what + "." + field);
  }

  /** A map of counts, exactly. */
  public static void assertCounts(Map<String, Long> expected, JsonNode actual, String what) {
    assertNotNull(actual, what + " present");
    Map<String, Long> counts = new LinkedHashMap<>();
    actual.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().longValue()));
    assertEquals(expected, counts, what);
  }

  /** A map of exact amounts, compared by value. */
  public static void assertAmounts(Map<String, String> expected, JsonNode actual, String what) {
    assertNotNull(actual, what + " present");
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    actual.fields().forEachRemaining(e -> amounts.put(e.getKey(), e.getValue().decimalValue()));
    assertEquals(expected.keySet(), amounts.keySet(), what + " currencies");
    expected.forEach(
        (currency, amount) ->
            assertEquals(
                0,
                new BigDecimal(amount).compareTo(amounts.get(currency)),
                what + "." + currency + ": expected " + amount + ", was " + amounts.get(currency)));
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
