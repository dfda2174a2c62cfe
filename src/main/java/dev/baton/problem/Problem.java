package dev.baton.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem: the single shape of every error Baton answers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(
    name = "Problem",
    description =
        "RFC 9457 problem details. `type` identifies the kind of problem (see the README), "
            + "`errors` lists every offending field of a validation problem; some problems carry "
            + "extra members such as `currentStatus` and `allowedActions`.")
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  @Schema(
      required = true,
      examples = "urn:baton:problem:validation-error",
      description = "URI that identifies the kind of problem")
  public final String type;

  @Schema(required = true, examples = "Invalid request")
  public final String title;

  @Schema(required = true, examples = "400")
  public final int status;

  @Schema(required = true, description = "What went wrong with this request, for a human")
  public final String detail;

  @Schema(description = "The request path")
  public final String instance;

  @Schema(description = "Every offending field, all at once (validation problems only)")
  public final List<FieldError> errors;

  @Schema(hidden = true)
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  public Problem(ProblemType type, String detail, String instance) {
    this(type, type.status(), detail, instance, null);
  }

  /** {@code status}: the type's own, except for a bad request the HTTP layer refused otherwise. */
  public Problem(
      ProblemType type, int status, String detail, String instance, List<FieldError> errors) {
    this.type = type.uri();
    this.title = type.title();
    this.status = status;
    this.detail = detail;
    this.instance = instance;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public Problem with(String member, Object value) {
    if (value != null) { // a member nobody knows is left out, never sent as null
      extensions.put(member, value);
    }
    return this;
  }

  @JsonAnyGetter
  public Map<String, Object> extensions() {
    return extensions;
  }

  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(
              required = true,
              description = "Path of the field in the request, e.g. `contact.email` or `limit`",
              examples = "contact.email")
          String field,
      @Schema(required = true, examples = "must be a well-formed email address") String message) {}
}
