package dev.baton.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures a page shows (every element marked {@code data-figure}) and compares each with
 * the API's answer: a count, a rate shown as a percentage, hours, or a dash where the API has none.
 */
final class PageFigures {

  private static final Pattern FIGURE = Pattern.compile("data-figure=\"([^\"]+)\">([^<]*)<");
  private static final Pattern GROUP =
      Pattern.compile("<tr data-group=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);

  private PageFigures() {}

  /** The figures of the HTML outside the trend's rows, by name. */
  static Map<String, String> of(String html) {
    return figures(GROUP.matcher(html).replaceAll(""));
  }

  /** The trend's rows: each week's or month's key, and its figures by name. */
  static Map<String, Map<String, String>> groups(String html) {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Matcher row = GROUP.matcher(html);
    while (row.find()) {
      groups.put(row.group(1), figures(row.group(2)));
    }
    return groups;
  }

  static Map<String, String> figures(String html) {
    Map<String, String> figures = new LinkedHashMap<>();
    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      figures.put(m.group(1), m.group(2).strip());
    }
    return figures;
  }

  /** Asserts that what the page shows as {@code name} is the API's value at {@code path}. */
  static void assertSame(String name, String shown, JsonPath api, String path) {
    Object value = api.get(path);
    if (value == null) {
      assertTrue(shown.equals("–") || shown.equals("0"), name + " is absent in the API: " + shown);
      return;
    }
    if (shown.endsWith(" %")) {
      BigDecimal percent = new BigDecimal(shown.substring(0, shown.length() - 2));
      assertEquals(
          0,
          percent.movePointLeft(2).compareTo(new BigDecimal(value.toString())),
          name + ": " + shown + " vs " + value);
    } else if (shown.endsWith(" h")) {
      assertEquals(
          0,
          new BigDecimal(shown.substring(0, shown.length() - 2))
              .compareTo(new BigDecimal(value.toString())),
          name);
    } else if (value instanceof Number) {
      assertEquals(
          0,
          new BigDecimal(shown.replace(",", "")).compareTo(new BigDecimal(value.toString())),
          name + ": " + shown + " vs " + value);
    } else {
      assertEquals(value.toString(), shown, name);
    }
  }
}
