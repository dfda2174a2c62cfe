package dev.baton.testing;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Baton's clock held at chosen hours from a base instant while a test plays its leads through the
 * API, so that every time Baton writes is the one planned; closed, the clock is back to the real
 * time. It stays held between two calls rather than running on: back at the real time, the breach
 * job would find a clock planned in the past overdue before sales's planned answer.
 *
 * <p>Meanwhile the breach job runs at the held time too. Moved into the past it finds nothing of
 * other tests overdue; of the test's own leads, only those whose deadline the plan passes, which
 * are breached whether the job or the late answer notices first (the same fact in lead_cycle).
 */
public final class Timeline implements AutoCloseable {

  private final TestClock clock;
  private final Instant base;

  public Timeline(TestClock clock, Instant base) {
    this.clock = clock;
    this.base = base;
  }

  /** {@code base} plus {@code hours}, to the second, as {@link CycleRows.Plan} counts them. */
  public Instant instant(double hours) {
    return base.plusSeconds(Math.round(hours * 3600));
  }

  /** Runs {@code calls} with Baton's now standing at {@code hours} from the base. */
  public void at(double hours, Runnable calls) {
    clock.stoppedAt(instant(hours));
    calls.run();
  }

  /** What {@code call} answers, made with Baton's now standing at {@code hours} from the base. */
  public <T> T at(double hours, Supplier<T> call) {
    clock.stoppedAt(instant(hours));
    return call.get();
  }

  @Override
  public void close() {
    clock.reset();
  }
}
