package dev.baton.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A lead's JSON merge patch (RFC 7396), plus {@code remove}: paths whose values go, as if they were
 * sent as null. Some JSON libraries cannot send a null member (Gson, in the okhttp-gson Java
 * client, leaves them out), and a merge patch has no other way to remove a value.
 */
final class MergePatch {

  static final String REMOVE = "remove";
  static final int MAX_REMOVALS = 50;

  /** A patchable member, or one member of it: {@code segment}, {@code contact.phone}. */
  static final Pattern PATH =
      Pattern.compile("^(contact|company|attribution|consent|segment|attributes)(\\.[^.]+)?$");

  private MergePatch() {}

  /** What is wrong with a {@code remove} list, one error per offending entry. */
  static List<FieldError> checkRemovals(JsonNode remove) {
    List<FieldError> errors = new ArrayList<>();
    if (!remove.isArray() || remove.size() > MAX_REMOVALS) {
      errors.add(new FieldError(REMOVE, "must be a list of at most 50 paths"));
      return errors;
    }
    for (int i = 0; i < remove.size(); i++) {
      JsonNode path = remove.get(i);
      if (!path.isTextual() || !PATH.matcher(path.asText()).matches()) {
        errors.add(
            new FieldError(
                REMOVE + "[" + i + "]",
                "must name a patchable member or one of its members, e.g. segment or"
                    + " contact.phone"));
      }
    }
    return errors;
  }

  /** The patch applied to the target: merged first, then the removals. */
  static JsonNode apply(JsonNode target, JsonNode patch) {
    ObjectNode members = patch.deepCopy();
    JsonNode remove = members.remove(REMOVE);
    JsonNode merged = merge(target, members);
    if (remove != null && merged instanceof ObjectNode lead) {
      for (JsonNode path : remove) {
        String[] names = path.asText().split("\\.", 2);
        if (names.length == 1) {
          lead.remove(names[0]);
        } else if (lead.get(names[0]) instanceof ObjectNode group) {
          group.remove(names[1]);
        }
      }
    }
    return merged;
  }

  /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? (ObjectNode) target.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    patch
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isNull()) {
                result.remove(field.getKey());
              } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
              }
            });
    return result;
  }
}
