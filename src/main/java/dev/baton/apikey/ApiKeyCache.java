package dev.baton.apikey;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The identities of the API keys this replica has seen, so that a request does not read its key
 * from the database. A replica trusts what it holds only while it listens to {@code
 * baton_api_key_changed} (the trigger of V12 notifies it whenever a key is revoked or deleted, from
 * any replica or by hand): a change clears everything, and while the listening connection is down
 * every request reads its key again. An identity is also forgotten after {@link #TTL}, in case a
 * notification were ever lost.
 *
 * <p>The listening connection is its own, outside the pool (named {@value #APPLICATION_NAME} in
 * {@code pg_stat_activity}), with the datasource's address, user and JDBC properties.
 *
 * <p>An identity read from the database is kept only if no change was notified since the read began
 * ({@link #generation()}), so a read racing a revocation cannot bring the key back.
 */
@ApplicationScoped
public class ApiKeyCache {

  static final Duration TTL = Duration.ofSeconds(30);
  private static final String CHANNEL = "baton_api_key_changed";
  static final String LISTEN = "LISTEN " + CHANNEL;
  static final String APPLICATION_NAME = "baton-api-key-listener";
  private static final String JDBC_PROPERTIES =
      "quarkus.datasource.jdbc.additional-jdbc-properties.";
  private static final int MAX_KEYS = 10_000;
  private static final int POLL_MILLIS = 500;
  private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
  private static final Logger LOG = Logger.getLogger(ApiKeyCache.class);

  private record Held(SecurityIdentity identity, long since) {}

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final Config config;
  private volatile boolean listening;
  private volatile boolean running;
  private Thread listener;

  ApiKeyCache(Config config) {
    this.config = config;
  }

  /** The identity of a key (by its hash) held and still trusted, or null. */
  SecurityIdentity get(String hash) {
    if (!listening) {
      return null;
    }
    Held entry = held.get(hash);
    if (entry == null || System.nanoTime() - entry.since() > TTL.toNanos()) {
      return null;
    }
    return entry.identity();
  }

  /** To read before a database lookup, and to hand to {@link #put} after it. */
  long generation() {
    return generation.get();
  }

  /** Keeps an identity read from the database, unless a change was notified since {@code seen}. */
  void put(String hash, SecurityIdentity identity, long seen) {
    if (!listening || generation.get() != seen) {
      return;
    }
    if (held.size() >= MAX_KEYS) {
      held.clear();
    }
    Held entry = new Held(identity, System.nanoTime());
    held.put(hash, entry);
    if (generation.get() != seen) {
      held.remove(hash, entry); // a change was notified while this was being stored
    }
  }

  /** Forgets every key: some key changed. */
  void clear() {
    generation.incrementAndGet();
    held.clear();
  }

  void start(@Observes StartupEvent start) {
    running = true;
    listener = new Thread(this::listen, "baton-api-key-listener");
    listener.setDaemon(true);
    listener.start();
  }

  void stop(@Observes ShutdownEvent stop) throws InterruptedException {
    running = false;
    if (listener != null) {
      listener.interrupt();
      listener.join(Duration.ofSeconds(2).toMillis());
    }
  }

  private void listen() {
    boolean warned = false;
    while (running) {
      try (Connection connection = connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(LISTEN);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        clear(); // whatever changed while nobody listened
        listening = true;
        if (warned) {
          LOG.info("Listening to API key changes again: keys are served from memory");
          warned = false;
        }
        long checked = System.nanoTime();
        try {
          while (running) {
            PGNotification[] changes = postgres.getNotifications(POLL_MILLIS);
            if (changes != null && changes.length > 0) {
              clear();
            } else if (System.nanoTime() - checked > CHECK_EVERY_NANOS) {
              // A connection that died silently would deliver nothing: prove it is alive (a
              // second LISTEN changes nothing).
              try (Statement statement = connection.createStatement()) {
                statement.execute(LISTEN);
              }
              checked = System.nanoTime();
            }
          }
        } finally {
          listening = false;
          clear();
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        clear();
        if (!running) {
          return;
        }
        if (!warned) {
          LOG.warnf(
              "Not listening to API key changes (%s): every request reads its key from the"
                  + " database until it listens again",
              e.getClass().getSimpleName());
          warned = true;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(JDBC_PROPERTIES)) {
        config
            .getOptionalValue(name, String.class)
            .ifPresent(
                value -> properties.setProperty(name.substring(JDBC_PROPERTIES.length()), value));
      }
    }
    config
        .getOptionalValue("quarkus.datasource.username", String.class)
        .ifPresent(user -> properties.setProperty("user", user));
    config
        .getOptionalValue("quarkus.datasource.password", String.class)
        .ifPresent(password -> properties.setProperty("password", password));
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    // The liveness check fails within this many seconds on a connection that died silently
    // (waiting for notifications sets its own, shorter, timeout).
    properties.setProperty("socketTimeout", "10");
    return DriverManager.getConnection(
        config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
  }
}
