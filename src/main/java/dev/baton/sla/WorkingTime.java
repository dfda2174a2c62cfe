package dev.baton.sla;

import java.time.Duration;
import java.time.Instant;

/** When {@code worked} of someone's working time has passed from {@code start}. */
@FunctionalInterface
public interface WorkingTime {

  /** Every hour counts. */
  WorkingTime CALENDAR = Instant::plus;

  Instant after(Instant start, Duration worked);
}
