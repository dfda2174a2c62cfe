package dev.baton.db;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * Baton's time: every instant Baton writes or compares with what it wrote comes from here, so that
 * one bean decides what "now" is. In production it is the system clock; the test suite replaces the
 * {@link InstantSource} with one it can move, instead of rewriting timestamps in the database.
 * Durations measured in-process (latencies, caches, quotas) use {@code System.nanoTime()} instead,
 * and the rate limit's windows the database's {@code now()}, shared by every replica.
 */
@Singleton
public class BatonClock {

  private final InstantSource source;

  BatonClock(InstantSource source) {
    this.source = source;
  }

  /** Now, at the precision PostgreSQL stores, so that what is answered is what is read back. */
  public Instant now() {
    return source.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Produces
  @Singleton
  @DefaultBean
  static InstantSource system() {
    return InstantSource.system();
  }
}
