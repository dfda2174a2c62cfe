package dev.baton.web;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * An exception as it may be logged. PostgreSQL quotes the offending values in its errors — a unique
 * violation's {@code Key (email_normalized)=(…)}, a check violation's {@code Failing row contains
 * (…)} — and the exceptions that wrap one repeat its message. So when a database error is among the
 * causes, what is logged is each exception's class, SQL state, constraint and stack trace, never a
 * message. (The driver also leaves the details out: {@code logServerErrorDetail=false}.)
 */
final class Redacted extends RuntimeException {

  /** Causes followed at most: a chain can be made circular. */
  private static final int DEPTH = 32;

  private Redacted(String description, Redacted cause, StackTraceElement[] trace) {
    super(description, cause, false, true);
    setStackTrace(trace);
  }

  /** {@code e} itself, or its redacted copy when a database error is among its causes. */
  static Throwable of(Throwable e) {
    int depth = 0;
    for (Throwable cause = e; cause != null && depth < DEPTH; cause = next(cause), depth++) {
      if (cause instanceof SQLException) {
        return copy(e, 0);
      }
    }
    return e;
  }

  private static Redacted copy(Throwable e, int depth) {
    Throwable cause = depth < DEPTH ? next(e) : null;
    StringBuilder description = new StringBuilder(e.getClass().getName());
    if (e instanceof SQLException sql) {
      description.append(" (SQL state ").append(sql.getSQLState());
      ServerErrorMessage server =
          e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
      if (server != null && server.getConstraint() != null) {
        description.append(", constraint ").append(server.getConstraint());
      }
      description.append(')');
    }
    return new Redacted(
        description.toString(), cause == null ? null : copy(cause, depth + 1), e.getStackTrace());
  }

  private static Throwable next(Throwable e) {
    Throwable cause = e.getCause();
    return cause == e ? null : cause;
  }
}
