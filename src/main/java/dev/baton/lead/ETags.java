package dev.baton.lead;

import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;

/** A lead's ETag is its version, quoted: {@code "3"}. */
final class ETags {

  static final String ANY = "*";

  private ETags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The versions an If-Match names (RFC 9110 allows a list); null for {@code *} (any version) or
   * when absent. Weak tags never match: If-Match compares strongly.
   */
  static List<Long> versions(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals(ANY)) {
      return null;
    }
    List<Long> versions = new ArrayList<>();
    for (String tag : ifMatch.split(",", -1)) {
      tag = tag.strip();
      if (tag.startsWith("W/")) {
        version(tag.substring(2));
      } else {
        versions.add(version(tag));
      }
    }
    return versions;
  }

  private static Long version(String tag) {

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

  static void check(List<Long> expected, Lead lead) {
    if (expected != null && !expected.contains(lead.getVersion())) {

      throw new ProblemException(
              ProblemType.PRECONDITION_FAILED,
              "The lead changed: If-Match names version "
                  + expected.stream()
                      .map(String::valueOf)
                      .collect(java.util.stream.Collectors.joining(", "))
                  + " but the lead is at version "
                  + lead.getVersion()
                  + "; read it again and retry")
          .with("currentVersion", lead.getVersion());
    }
  }
}
