package dev.baton.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The writes of a transaction whose answers nobody reads (a lead's row, its event, the event's
 * webhook deliveries, the funnel facts of a cycle), sent to PostgreSQL together: one network
 * exchange instead of one per statement. PostgreSQL still runs them one after the other, each with
 * a snapshot of its own, and the first that fails fails the transaction.
 *
 * <p>They are sent by {@link #send()}, which a request calls once its work is done, so that a
 * refusal (a constraint) surfaces inside the request; and in any case before the transaction
 * commits. The entity changes Hibernate holds are written before them, so a queued statement may
 * refer to a row persisted earlier in the transaction. A statement that reads what the queue may
 * hold must send it first. {@link #sendThenRead} also serves a read that must follow statements of
 * its own, in the same exchange (a handoff's advisory locks, then its duplicate check).
 */
@ApplicationScoped
public class Pipeline {

  private static final Object KEY = Pipeline.class;

  /**
   * A statement and its values: JDBC's {@code ?} parameters, bound as {@link #add} says. One that
   * must change exactly one row ({@link #addOneRow}) fails the exchange when it changes another
   * number. Made by {@link #of}: a constructor taking the values as varargs beside the canonical
   * one would read {@code (sql, Object[], boolean)} as a statement that must change one row.
   */
  public record Statement(String sql, Object[] values, boolean oneRow) {
    /** A statement with these values, whatever number of rows it changes or answers. */
    public static Statement of(String sql, Object... values) {
      return new Statement(sql, values, false);
    }
  }

  private final EntityManager em;
  private final TransactionSynchronizationRegistry transactions;

  public Pipeline(EntityManager em, TransactionSynchronizationRegistry transactions) {
    this.em = em;
    this.transactions = transactions;
  }

  /**
   * Queues a statement with JDBC's {@code ?} parameters; a null is sent untyped, so PostgreSQL
   * types it from its column, and an {@link Instant} as a {@code timestamptz}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(String sql, Object... values) {
    queued().add(Statement.of(sql, values));
  }

  /**
   * {@link #add}, for a statement that must change exactly one row: the update of a row the
   * transaction holds. Any other count fails the exchange, and with it the transaction, as
   * Hibernate's own update would: a write that missed its row is never acknowledged.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addOneRow(String sql, Object... values) {
    queued().add(new Statement(sql, values, true));
  }

  /**
   * Writes what Hibernate holds, then every queued statement, in one exchange. What fails to be
   * written is not queued anymore: its transaction (or savepoint) is rolled back.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void send() {
    List<Statement> batch = take();
    em.flush();
    if (!batch.isEmpty()) {
      em.unwrap(Session.class).doReturningWork(connection -> execute(connection, batch, 0));
    }
  }

  /**
   * {@link #send()}, with a query after the queued statements in the same exchange: it sees what
   * they wrote. Answers its rows.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Object[]> sendThenRead(String query, Object... values) {
    return sendThenRead(Statement.of(query, values)).get(0);
  }

  /**
   * {@link #send()}, with queries after the queued statements in the same exchange, run in their
   * order: each sees what was written before it, and what other transactions committed before it
   * started (a query after a lock sees what the lock's last holder committed). Answers the rows of
   * each query, in their order.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<List<Object[]>> sendThenRead(Statement... queries) {
    List<Statement> batch = new ArrayList<>(take());
    batch.addAll(List.of(queries));
    em.flush();
    return em.unwrap(Session.class)
        .doReturningWork(connection -> execute(connection, batch, queries.length));
  }

  /**
   * Queries in one exchange, in a transaction or outside one (a read of what is committed): in a
   * transaction they follow what it queued, as {@link #sendThenRead(Statement...)}. Answers the
   * rows of each query, in their order.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<List<Object[]>> read(Statement... queries) {
    if (transactions.getTransactionKey() != null) {
      return sendThenRead(queries);
    }
    List<Statement> batch = List.of(queries);
    return em.unwrap(Session.class)
        .doReturningWork(connection -> execute(connection, batch, queries.length));
  }

  /** Forgets the queued statements: the savepoint they were written after is rolled back. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void discard() {
    take();
  }

  private List<Statement> take() {
    @SuppressWarnings("unchecked")
    List<Statement> queued = (List<Statement>) transactions.getResource(KEY);
    if (queued == null || queued.isEmpty()) {
      return List.of();
    }
    List<Statement> batch = List.copyOf(queued);
    queued.clear();
    return batch;
  }

  private List<Statement> queued() {
    @SuppressWarnings("unchecked")
    List<Statement> queued = (List<Statement>) transactions.getResource(KEY);
    if (queued == null) {
      List<Statement> created = new ArrayList<>();
      // The session joins the transaction now, if it has not yet: it could not at commit, where
      // the queue may be sent.
      em.joinTransaction();
      transactions.putResource(KEY, created);
      TransactionEnd.beforeCommit(
          transactions,
          () -> {
            if (!created.isEmpty()) {
              send();
            }
          });
      queued = created;
    }
    return queued;
  }

  /**
   * One prepared statement of several, separated by semicolons: the driver sends them all (parse,
   * bind, execute each) before it waits for PostgreSQL's answers. Answers the rows of the last
   * {@code queries} among them, one list each.
   */
  private static List<List<Object[]>> execute(
      Connection connection, List<Statement> batch, int queries) throws SQLException {
    StringBuilder sql = new StringBuilder();
    for (Statement statement : batch) {
      if (!sql.isEmpty()) {
        sql.append(";\n");
      }
      sql.append(statement.sql());
    }
    try (PreparedStatement prepared = connection.prepareStatement(sql.toString())) {
      int index = 1;
      for (Statement statement : batch) {
        for (Object value : statement.values()) {
          JdbcValues.bind(prepared, index++, value);
        }
      }
      // Every statement's result is read, so that none is left unanswered on the connection; each
      // statement has one, rows or a count, in the order they were sent.
      List<List<Object[]>> answers = new ArrayList<>();
      int first = batch.size() - queries;
      int result = 0;
      boolean query = prepared.execute();
      while (query || prepared.getUpdateCount() != -1) {
        if (!query && result < batch.size()) {
          Statement statement = batch.get(result);
          int count = prepared.getUpdateCount();
          if (statement.oneRow() && count != 1) {
            throw new IllegalStateException(
                "changed " + count + " rows instead of one: " + statement.sql());
          }
        }
        if (result++ >= first) {
          answers.add(query ? JdbcValues.rows(prepared.getResultSet()) : List.of());
        }
        query = prepared.getMoreResults();
      }
      if (result != batch.size()) {
        // A statement of several commands (or of none) would shift the answers onto the wrong
        // queries: a queued statement is one command.
        throw new IllegalStateException(
            batch.size() + " statements sent, " + result + " results answered");
      }
      return answers;
    }
  }
}
