package dev.baton.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.json.JsonBinder;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.lead.PastRecords.History;
import dev.baton.lead.PastRecords.Past;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one row of an import into a lead's past, with the validation of a live handoff: an NDJSON
 * row is the handoff's body plus {@code handedOffAt}, {@code moves} and {@code feedback}; a CSV row
 * is turned into that same tree first ({@link CsvRows}). Anything wrong is a 400 problem naming
 * every offending field, as a live request would get.
 */
final class RowParser {

  private static final List<String> HISTORY = List.of("handedOffAt", "moves", "feedback");

  private final ObjectMapper mapper;
  private final JsonBinder binder;
  private final CsvRows csv;

  /** {@code csv}: the file's header, or null for NDJSON. */
  RowParser(ObjectMapper mapper, JsonBinder binder, CsvRows csv) {
    this.mapper = mapper;
    this.binder = binder;
    this.csv = csv;
  }

  Past parse(byte[] record) {
    ObjectNode row;
    if (csv == null) {
      row = ndjson(record);
    } else {
      row = csv.tree(new String(record, StandardCharsets.UTF_8), mapper);
    }
    ObjectNode history = mapper.createObjectNode();
    for (String field : HISTORY) {
      JsonNode value = row.remove(field);
      if (value != null) {
        history.set(field, value);
      }
    }
    List<FieldError> errors = new ArrayList<>();
    NewLead lead = bind(row, NewLead.class, errors);
    History past = bind(history, History.class, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(csv == null ? errors : csv.columns(errors));
    }
    return new Past(lead, past);
  }

  private <T> T bind(ObjectNode tree, Class<T> type, List<FieldError> errors) {
    try {
      return binder.bindValid(tree, type);
    } catch (ProblemException e) {
      errors.addAll(e.toProblem(null).errors);
      return null;
    }
  }

  private ObjectNode ndjson(byte[] record) {
    JsonNode tree;
    try {
      tree = mapper.readTree(record);
    } catch (IOException e) {
      throw ProblemException.invalid("row", "is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (!(tree instanceof ObjectNode object)) {
      throw ProblemException.invalid("row", "must be a JSON object");
    }
    return object;
  }

  private static String firstLine(String message) {
    int end = message == null ? -1 : message.indexOf('\n');
    return end < 0 ? String.valueOf(message) : message.substring(0, end);
  }
}
