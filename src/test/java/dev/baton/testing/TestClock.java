package dev.baton.testing;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Baton's time in the test suite: the system clock, moved by an offset a test sets. Being an {@link
 * InstantSource} bean, it replaces the system clock behind {@code BatonClock} in every
 * {@code @QuarkusTest} (the packaged replicas of the {@code *IT} tests keep the system clock).
 *
 * <p>Every test shares one running application, its scheduled jobs included, so a moved clock must
 * not outlive its test: close what {@link #movedBy} answers, and {@link ResetClock} puts it back
 * after each test anyway. Move it as little as the test needs: while it is a day ahead, the breach
 * job sees every other test's leads overdue too.
 */
@Singleton
public class TestClock implements InstantSource {

  private volatile InstantSource source = InstantSource.system();

  @Override
  public Instant instant() {
    return source.instant();
  }

  /**
   * Baton's now becomes the real now plus {@code offset} (negative: in the past), until the answer
   * is closed. Time keeps running meanwhile.
   */
  public Moved movedBy(Duration offset) {
    source = InstantSource.offset(InstantSource.system(), offset);
    return this::reset;
  }

  /** Baton's now becomes {@code at}, and runs on from there, until the answer is closed. */
  public Moved movedTo(Instant at) {
    return movedBy(Duration.between(Instant.now(), at));
  }

  /** Baton's now is {@code at}, standing still, until the answer is closed: for exact durations. */
  public Moved stoppedAt(Instant at) {
    source = InstantSource.fixed(at);
    return this::reset;
  }

  /** Back to the real time. */
  public void reset() {
    source = InstantSource.system();
  }

  /** A moved clock, put back by {@link #close()}. */
  public interface Moved extends AutoCloseable {
    @Override
    void close();
  }
}
