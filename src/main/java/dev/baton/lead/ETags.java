package dev.baton.lead;

import dev.baton.common.ProblemException;

/** A lead's ETag is its version, quoted: {@code "3"}. */
final class ETags {

  static final String ANY = "*";

  private ETags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version an If-Match names; null for {@code *} or when absent. */
  static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals(ANY)) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(
          "If-Match", "must be the ETag of the lead, e.g. \"3\" (from GET /api/v1/leads/{id})");
    }
  }

  static void check(Long expected, Lead lead) {
    if (expected != null && expected != lead.getVersion()) {
      throw new ProblemException(
              412,
              "precondition-failed",
              "Precondition failed",
              "The lead changed: If-Match names version "
                  + expected
                  + " but the lead is at version "
                  + lead.getVersion()
                  + "; read it again and retry")
          .with("currentVersion", lead.getVersion());
    }
  }
}
