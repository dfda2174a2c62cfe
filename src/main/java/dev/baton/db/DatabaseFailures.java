package dev.baton.db;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Tells database failures apart by SQL state: unreachable, a pool with no connection to give,
 * contention. {@code ProblemMapper} answers requests from it; scheduled jobs ask {@link
 * #transientFailure(Throwable)} whether to skip a run.
 */
public final class DatabaseFailures {

  private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

  private DatabaseFailures() {}

  /**
   * PostgreSQL cannot be reached (down, restarting, refusing connections), anywhere in the causes:
   * nothing was committed. The log line names the cause's class and SQL state only, never a message
   * with values.
   */
  public static boolean unavailable(Throwable e) {
    for (Throwable cause : causes(e)) {
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null
            && (state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.equals("53300"))) {
          LOG.warnf("Database unavailable: %s (SQL state %s)", cause.getClass().getName(), state);
          return true;
        }
      }
    }
    return false;
  }

  /**
   * For scheduled jobs: the database is away or every connection is busy. The caller skips this run
   * (the next one catches up); the cause is logged as one warning line.
   */
  public static boolean transientFailure(Throwable e) {
    return unavailable(e)
        || poolExhausted(e)
        || causes(e).stream()
            .anyMatch(
                cause ->
                    cause instanceof SQLException
                        && cause.getMessage() != null
                        && cause.getMessage().contains("shutting down"));
  }

  /** The pool had no connection to give within its acquisition timeout. */
  public static boolean poolExhausted(Throwable e) {
    for (Throwable cause : causes(e)) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() == null
          && sql.getMessage() != null
          && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
        LOG.warn("Overloaded: no database connection within the pool's acquisition timeout");
        return true;
      }
    }
    return false;
  }

  /** A deadlock or serialization failure in the cause chain: a retry will go through. */
  public static boolean contended(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exception, its causes and what they suppressed (a failed commit attaches the driver's
   * exception as suppressed), without repeats.
   */
  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
    while (!todo.isEmpty() && all.size() < 50) {
      Throwable next = todo.pop();
      if (all.stream().noneMatch(seen -> seen == next)) {
        all.add(next);
        if (next.getCause() != null) {
          todo.add(next.getCause());
        }
        todo.addAll(List.of(next.getSuppressed()));
      }
    }
    return all;
  }
}
