package dev.baton.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Downloads an export and reads it back: NDJSON lines as JSON trees, CSV rows as maps. */
final class Exports {

  static final String LEADS = "/api/v1/exports/leads";
  static final String EVENTS = "/api/v1/exports/events";

  /** Decimals as written (12000.0000), as Baton writes them. */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private Exports() {}

  static Response download(String path, Map<String, ?> query) {
    return Api.as(As.ANALYST).queryParams(query).get(path);
  }

  /** The NDJSON lines of a successful download, each a JSON tree. */
  static List<JsonNode> ndjson(String path, Map<String, ?> query) {
    Response response = download(path, query);
    assertEquals(200, response.statusCode(), response.asString());
    assertEquals("application/x-ndjson", response.contentType());
    String body = response.asString();
    assertTrue(body.isEmpty() || body.endsWith("\n"), "every line ends with a line feed");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (!line.isEmpty()) {
        lines.add(tree(line));
      }
    }
    return lines;
  }

  /** The rows of a successful CSV download, each by column name, after checking the header. */
  static List<Map<String, String>> csv(String path, Map<String, ?> query, String[] header) {
    Map<String, Object> withFormat = new LinkedHashMap<>(query);
    withFormat.put("format", "csv");
    Response response = download(path, withFormat);
    assertEquals(200, response.statusCode(), response.asString());
    assertEquals(
        "text/csv;charset=utf-8", response.contentType().replace(" ", "").toLowerCase(Locale.ROOT));
    List<List<String>> records = parseCsv(response.asString());
    assertEquals(List.of(header), records.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      assertEquals(header.length, record.size(), record.toString());
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], record.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> ids(List<JsonNode> lines) {
    return lines.stream().map(line -> line.get("id").asText()).toList();
  }

  /** RFC 4180, strictly: CRLF after every record, quoted fields with doubled quotes. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && field.isEmpty()) {
        int end = i + 1;
        while (true) {
          int quote = text.indexOf('"', end);
          if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
            field.append(text, end, quote + 1);
            end = quote + 2;
          } else {
            field.append(text, end, quote);
            i = quote + 1;
            break;
          }
        }
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r' && text.startsWith("\r\n", i)) {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else {
        assertTrue(c != '\n' && c != '\r', "a bare line break outside quotes at " + i);
        field.append(c);
        i++;
      }
    }
    assertTrue(record.isEmpty() && field.isEmpty(), "the last record ends with CRLF");
    return records;
  }
}
