package dev.baton.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.json.JsonBinder;
import dev.baton.lead.LeadRecords.LeadChanges;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Edits of a lead's editable part: the JSON merge patch (RFC 7396, {@link MergePatch}) checked,
 * applied and validated, and the fields an edit changes, as {@code lead.updated} records them.
 */
@ApplicationScoped
public class LeadEdits {

  /** What PATCH may change, and why the rest of a lead may not be patched. */
  private static final Set<String> PATCHABLE =
      Set.of("contact", "company", "attribution", "segment", "consent", "attributes");

  private static final Map<String, String> NOT_PATCHABLE =
      Map.of(
          "status",
              "cannot be patched; move the lead with its actions (qualify, accept, reject, convert, recycle)",
          "owner", "is set by the accept action",
          "score", "is set at handoff or by the qualify action",
          "qualificationNote", "is set at handoff or by the qualify action");

  private final JsonBinder binder;
  private final ObjectMapper mapper;

  public LeadEdits(JsonBinder binder, ObjectMapper mapper) {
    this.binder = binder;
    this.mapper = mapper;
  }

  /** Refuses a patch that is no JSON object, or that names what PATCH may not change. */
  static void checkPatch(JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object (a JSON merge patch)");
    }
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (MergePatch.REMOVE.equals(name)) {
        errors.addAll(MergePatch.checkRemovals(patch.get(name)));
      } else if (!PATCHABLE.contains(name)) {
        errors.add(
            new FieldError(
                name, NOT_PATCHABLE.getOrDefault(name, "unknown or read-only property")));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  /** The editable part with the patch applied, validated as a whole. */
  LeadChanges patched(LeadChanges current, JsonNode patch) {
    JsonNode merged = MergePatch.apply(mapper.valueToTree(current), patch);
    return binder.bindValid(merged, LeadChanges.class);
  }

  /** The fields that {@code after} changes, compared as the lead would store it. */
  List<String> changed(LeadChanges before, LeadChanges after) {
    return changedFields(
        mapper.valueToTree(before), mapper.valueToTree(LeadDetails.stored(after)), "");
  }

  private static List<String> changedFields(JsonNode before, JsonNode after, String prefix) {
    List<String> changed = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    before.fieldNames().forEachRemaining(names::add);
    after.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode b = before.get(name);
      JsonNode a = after.get(name);
      if (Objects.equals(b, a)) {
        continue;
      }
      boolean nested =
          !"attributes".equals(name) && b != null && a != null && b.isObject() && a.isObject();
      if (nested) {
        changed.addAll(changedFields(b, a, prefix + name + "."));
      } else {
        changed.add(prefix + name);
      }
    }
    return changed;
  }
}
