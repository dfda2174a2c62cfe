package dev.baton.problem;

import dev.baton.problem.Problem.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal that Baton explains to the client. Services throw it (or a domain subclass); {@code
 * ProblemMapper} turns it into problem+json.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? "The request has an invalid field: " + errors.get(0).field()
            : "The request has " + errors.size() + " invalid fields";
    return new ProblemException(ProblemType.VALIDATION_ERROR, detail, errors);
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " '" + id + "'");
  }

  public ProblemException with(String member, Object value) {
    if (value != null) { // a member nobody knows is left out, never sent as null
      extensions.put(member, value);
    }
    return this;
  }

  public ProblemException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return type.status();
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Problem toProblem(String instance) {
    Problem problem = new Problem(type, type.status(), getMessage(), instance, errors);
    extensions.forEach(problem::with);
    return problem;
  }
}
