package dev.baton.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class Times {

  private Times() {}

  /** Now, at the precision PostgreSQL stores, so that what is answered is what is read back. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
