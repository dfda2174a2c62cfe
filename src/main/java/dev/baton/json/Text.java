package dev.baton.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** What PostgreSQL can store exactly as it was sent. */
public final class Text {

  /** Far inside PostgreSQL's numeric range, far beyond any real figure. */
  private static final int MAX_DIGITS = 1000;

  private Text() {}

  /**
   * Why a client's text cannot be stored faithfully, or null if it can: PostgreSQL refuses NUL
   * characters, and a lone UTF-16 surrogate would come back as '?'.
   */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return "must not contain NUL characters";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode (it contains a lone surrogate)";
      }
    }
    return null;
  }

  public static boolean storableNumber(JsonNode number) {
    if (number.isDouble() || number.isFloat()) {
      return Double.isFinite(number.doubleValue());
    }
    BigDecimal value = number.decimalValue();
    return value.precision() - value.scale() <= MAX_DIGITS && value.scale() <= MAX_DIGITS;
  }
}
