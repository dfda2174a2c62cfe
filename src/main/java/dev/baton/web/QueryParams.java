package dev.baton.web;

import dev.baton.json.Rfc3339;
import dev.baton.json.Text;
import dev.baton.paging.Cursor;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Query parameters arrive as strings and are parsed here, so that a bad value is a 400 naming the
 * parameter rather than the framework's 404, and every bad parameter is reported at once: parse
 * them all, then call {@link #validate()}.
 */
public final class QueryParams {

  private final List<FieldError> errors = new ArrayList<>();

  public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return invalid(
          name,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  public Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Rfc3339.parse(value);
    } catch (DateTimeException e) {
      return invalid(name, Rfc3339.EXPECTED);
    }
  }

  /**
   * A bound of a period: an RFC 3339 date-time, or a date (YYYY-MM-DD) meaning its first instant in
   * UTC.
   */
  public Instant periodBound(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Rfc3339.parse(value);
    } catch (DateTimeException e) {
      return invalid(name, "must be a date (2026-07-01) or an RFC 3339 date-time");
    }
  }

  public Boolean bool(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> invalid(name, "must be true or false");
    };
  }

  /** {@code ?limit=}: 1 to 200, 50 when absent. */
  public int limit(String value) {
    if (value == null || value.isEmpty()) {
      return Cursor.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= Cursor.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    invalid("limit", "must be an integer from 1 to " + Cursor.MAX_LIMIT);
    return Cursor.DEFAULT_LIMIT;
  }

  /** {@code ?cursor=}: the position after which to read, or null for the first page. */
  public Cursor cursor(String value) {
    try {
      return Cursor.decode(value);
    } catch (IllegalArgumentException e) {
      return invalid("cursor", "is not a cursor returned by this list; start again without it");
    }
  }

  /** A text parameter: absent when empty; 400 when it cannot be stored or searched faithfully. */
  public String text(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String problem = Text.problem(value);
    return problem == null ? value : invalid(name, problem);
  }

  /** A path segment naming a resource: anything that cannot be stored names none (404). */
  public static String pathSegment(String value, String what) {
    if (Text.problem(value) != null) {
      throw ProblemException.notFound(what, value.replace('\0', '?'));
    }
    return value;
  }

  /** A comma-separated list of values from {@code known}; empty when absent. */
  public List<String> list(String name, String value, List<String> known) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String item : value.split(",")) {
      String wanted = item.strip();
      if (!known.contains(wanted)) {
        invalid(name, "'" + wanted + "' is not one of " + String.join(", ", known));
        return List.of();
      }
      values.add(wanted);
    }
    return values;
  }

  /** Records a parameter as invalid, to be reported by {@link #validate()}. */
  public void reject(String name, String message) {
    invalid(name, message);
  }

  /** Throws a 400 naming every invalid parameter seen so far. */
  public void validate() {
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private <T> T invalid(String name, String message) {
    errors.add(new FieldError(name, message));
    return null;
  }
}
