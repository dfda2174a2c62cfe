package dev.baton.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters arrive as strings and are parsed here, so that a bad value is a 400 naming the
 * parameter rather than the framework's 404.
 */
public final class QueryParams {

  private QueryParams() {}

  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          name,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  public static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(
          name, "must be an RFC 3339 date-time, e.g. 2026-01-31T09:30:00Z");
    }
  }

  public static Boolean bool(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ProblemException.invalid(name, "must be true or false");
    };
  }

  public static String text(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
