package dev.baton.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The past of a CSV row, from its time columns: qualified, then accepted (with its owner) or
 * rejected (with its reason), then converted. A lead rejected after an acceptance has both times;
 * the moves are put in the order of the funnel, and the funnel table judges them as it does NDJSON.
 */
final class CsvMoves {

  private CsvMoves() {}

  /** Each column of a move, and the time column it needs. */
  private static final Map<String, String> NEEDS =
      Map.of(
          "owner", "acceptedAt",
          "rejectionReason", "rejectedAt",
          "rejectionNote", "rejectedAt",
          "amount", "convertedAt",
          "currency", "convertedAt",
          "opportunityRef", "convertedAt");

  static void add(Map<String, String> row, ObjectNode tree) {
    List<FieldError> errors = new ArrayList<>();
    NEEDS.forEach(
        (column, time) -> {
          if (row.containsKey(column) && !row.containsKey(time)) {
            errors.add(new FieldError(column, "is given without " + time));
          }
        });
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    ArrayNode moves = tree.putArray("moves");
    if (row.containsKey("qualifiedAt")) {
      moves.addObject().put("action", "qualify").put("at", row.get("qualifiedAt"));
    }
    if (row.containsKey("acceptedAt")) {
      ObjectNode accept =
          moves.addObject().put("action", "accept").put("at", row.get("acceptedAt"));
      putIfPresent(accept, "owner", row.get("owner"));
    }
    if (row.containsKey("rejectedAt")) {
      ObjectNode reject =
          moves.addObject().put("action", "reject").put("at", row.get("rejectedAt"));
      putIfPresent(reject, "reason", row.get("rejectionReason"));
      putIfPresent(reject, "note", row.get("rejectionNote"));
    }
    if (row.containsKey("convertedAt")) {
      ObjectNode convert =
          moves.addObject().put("action", "convert").put("at", row.get("convertedAt"));
      String amount = row.get("amount");
      if (amount != null && amount.matches("-?[0-9]+(\\.[0-9]+)?")) {
        convert.put("amount", new java.math.BigDecimal(amount));
      } else {
        putIfPresent(convert, "amount", amount);
      }
      putIfPresent(convert, "currency", row.get("currency"));
      putIfPresent(convert, "opportunityRef", row.get("opportunityRef"));
    }
  }

  /** The CSV column of a move's field ({@code moves[1].owner} is {@code owner}). */
  static String column(String field) {
    if (!field.startsWith("moves[")) {
      return field;
    }
    String member = field.substring(field.indexOf(']') + 1);
    return switch (member) {
      case ".reason" -> "rejectionReason";
      case ".note" -> "rejectionNote";
      case ".owner", ".amount", ".currency", ".opportunityRef" -> member.substring(1);
      case ".at", ".action" -> "the time columns (" + field + ")";
      default -> field;
    };
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
