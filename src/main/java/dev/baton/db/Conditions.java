package dev.baton.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code WHERE} of a filtered query and its values, in their order: each condition has JDBC
 * {@code ?} parameters, and a filter left out (null) adds nothing. The conditions are Baton's own
 * SQL; only the values come from the request.
 */
public final class Conditions {

  private final List<String> tests = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** {@code test}, with its one parameter bound to {@code value}, unless {@code value} is null. */
  public Conditions when(String test, Object value) {
    if (value != null) {
      add(test, value);
    }
    return this;
  }

  /** {@code test}, with its parameters bound to {@code values}. */
  public Conditions add(String test, Object... values) {
    tests.add(test);
    Collections.addAll(this.values, values);
    return this;
  }

  /** {@code " WHERE a AND b"}, or nothing when no condition was added. */
  public String where() {
    return tests.isEmpty() ? "" : " WHERE " + String.join(" AND ", tests);
  }

  /** The values of the parameters, in the order of the conditions. */
  public List<Object> values() {
    return values;
  }
}
