package dev.baton.idempotency;

import dev.baton.problem.ProblemException;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header, read. */
public final class IdempotencyKey {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:~+/=-]{1,255}");

  private IdempotencyKey() {}

  /** The key as sent, quoted or not; 400 when it is not a usable key. */
  public static String parse(String header) {
    String key = header.strip();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.invalid(
          Idempotent.HEADER,
          "must be 1 to 255 characters: letters, digits and . _ : ~ + / = - (a UUID will do)");
    }
    return key;
  }
}
