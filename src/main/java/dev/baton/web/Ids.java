package dev.baton.web;

import dev.baton.problem.ProblemException;
import java.util.UUID;

/** Path ids: anything that is not a UUID names no resource, so it is a 404, not a 500. */
public final class Ids {

  private Ids() {}

  public static UUID parse(String id, String what) {
    try {
      if (id.length() == 36) {
        return UUID.fromString(id);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ProblemException.notFound(what, id);
  }
}
