package dev.baton.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV import's rows: one lead per row, its last cycle's past in columns (no recycles: NDJSON
 * carries those). The header names the columns, in any order; each row becomes the tree of an
 * NDJSON row, so both formats are validated alike, and problems name the CSV columns.
 */
final class CsvRows {

  /** Column → where it goes in the row's tree. */
  static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    for (String c : List.of("email", "firstName", "lastName", "phone", "jobTitle")) {
      COLUMNS.put(c, "contact." + c);
    }
    COLUMNS.put("companyName", "company.name");
    COLUMNS.put("companyDomain", "company.domain");
    COLUMNS.put("companyIndustry", "company.industry");
    COLUMNS.put("companySize", "company.size");
    COLUMNS.put("companyCountry", "company.country");
    for (String c : List.of("source", "campaign", "medium", "content", "term")) {
      COLUMNS.put(c, "attribution." + c);
    }
    for (String c : List.of("segment", "status", "score", "handedOffAt")) {
      COLUMNS.put(c, c);
    }
    COLUMNS.put("externalSystem", "externalRefs[0].system");
    COLUMNS.put("externalId", "externalRefs[0].id");
    for (String c :
        List.of(
            "qualifiedAt",
            "acceptedAt",
            "owner",
            "rejectedAt",
            "rejectionReason",
            "rejectionNote",
            "convertedAt",
            "amount",
            "currency",
            "opportunityRef")) {
      COLUMNS.put(c, "moves");
    }
  }

  private final List<String> header;

  private CsvRows(List<String> header) {
    this.header = header;
  }

  /** The header record: known, distinct column names, with at least email, source, handedOffAt. */
  static CsvRows header(String line) {
    List<String> names = fields(line.startsWith("\uFEFF") ? line.substring(1) : line);
    List<FieldError> errors = new ArrayList<>();
    for (String name : names) {
      if (!COLUMNS.containsKey(name)) {
        errors.add(new FieldError(name, "is not a known column; known: " + COLUMNS.keySet()));
      } else if (names.indexOf(name) != names.lastIndexOf(name)) {
        errors.add(new FieldError(name, "appears twice in the header"));
      }
    }
    for (String required : List.of("email", "source", "handedOffAt")) {
      if (!names.contains(required)) {
        errors.add(new FieldError(required, "is a required column"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors.stream().distinct().toList());
    }
    return new CsvRows(names);
  }

  ObjectNode tree(String line, ObjectMapper mapper) {
    List<String> values = fields(line);
    if (values.size() != header.size()) {
      throw ProblemException.invalid(
          "row", "has " + values.size() + " fields; the header has " + header.size());
    }
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isEmpty()) {
        row.put(header.get(i), values.get(i));
      }
    }
    ObjectNode tree = mapper.createObjectNode();
    row.forEach(
        (column, value) -> {
          String path = COLUMNS.get(column);
          if (path.startsWith("externalRefs")) {
            ArrayNode refs = tree.withArray("externalRefs");
            ObjectNode ref = refs.isEmpty() ? refs.addObject() : (ObjectNode) refs.get(0);
            ref.put(path.endsWith("system") ? "system" : "id", value);
          } else if (path.contains(".")) {
            String[] parts = path.split("\\.");
            tree.withObject(parts[0]).put(parts[1], value);
          } else if (path.equals("score") && value.matches("-?[0-9]{1,9}")) {
            tree.put(path, Integer.parseInt(value));
          } else if (!path.equals("moves")) {
            tree.put(path, value);
          }
        });
    CsvMoves.add(row, tree);
    return tree;
  }

  /** Problems named by the CSV column rather than by the tree's path, where a column maps one. */
  List<FieldError> columns(List<FieldError> errors) {
    List<FieldError> named = new ArrayList<>();
    for (FieldError error : errors) {
      String column =
          COLUMNS.entrySet().stream()
              .filter(e -> e.getValue().equals(error.field()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(CsvMoves.column(error.field()));
      named.add(new FieldError(column, error.message()));
    }
    return named;
  }

  /** The fields of one CSV record (RFC 4180: quotes around a field, "" for a quote in it). */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c != '\r' || i != line.length() - 1) {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
