package dev.baton.db;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, on a connection of its own outside the pool, that a table whose rows a replica keeps in
 * memory has changed: statement triggers notify a channel on any change, made through the API or by
 * hand, from any replica (V12 for API keys, V19 for the SLA and routing policies). Whoever keeps
 * rows in memory registers what to forget ({@link #onChange}) and trusts what it keeps only while
 * this listens ({@link #listening()}): when the connection drops, everything is forgotten and read
 * again until it listens anew, since notifications sent meanwhile are lost.
 *
 * <p>The connection (named {@value #APPLICATION_NAME} in {@code pg_stat_activity}) has the
 * datasource's address, user and JDBC properties.
 */
@ApplicationScoped
public class ChangeListener {

  /** A channel, and the tables whose changes it tells of. */
  public enum Channel {
    API_KEYS("baton_api_key_changed"),
    POLICIES("baton_policy_changed");

    private final String name;

    Channel(String name) {
      this.name = name;
    }
  }

  public static final String APPLICATION_NAME = "baton-change-listener";

  /** What the listening connection runs (and runs again to prove it is alive). */
  public static final String LISTEN =
      String.join(
          ";", Arrays.stream(Channel.values()).map(channel -> "LISTEN " + channel.name).toList());

  private static final String JDBC_PROPERTIES =
      "quarkus.datasource.jdbc.additional-jdbc-properties.";
  private static final int POLL_MILLIS = 500;
  private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
  private static final Logger LOG = Logger.getLogger(ChangeListener.class);

  private final Map<Channel, List<Runnable>> forgetters = new EnumMap<>(Channel.class);
  private final Config config;
  private volatile boolean listening;
  private volatile boolean running;
  private Thread listener;

  ChangeListener(Config config) {
    this.config = config;
    for (Channel channel : Channel.values()) {
      forgetters.put(channel, new CopyOnWriteArrayList<>());
    }
  }

  /** Runs {@code forget} whenever the channel's tables change, and whenever listening stops. */
  public void onChange(Channel channel, Runnable forget) {
    forgetters.get(channel).add(forget);
  }

  /** Whether a change made now would be heard: what is kept in memory can be trusted. */
  public boolean listening() {
    return listening;
  }

  /** Tells this replica's own listeners of a change it committed, before PostgreSQL does. */
  public void changed(Channel channel) {
    forgetters.get(channel).forEach(Runnable::run);
  }

  private void forgetAll() {
    forgetters.keySet().forEach(this::changed);
  }

  void start(@Observes StartupEvent start) {
    running = true;
    listener = new Thread(this::listen, APPLICATION_NAME);
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
        forgetAll(); // whatever changed while nobody listened
        listening = true;
        if (warned) {
          LOG.info("Listening to changes again: API keys and policies are served from memory");
          warned = false;
        }
        try {
          hear(connection, postgres);
        } finally {
          listening = false;
          forgetAll();
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        forgetAll();
        if (!running) {
          return;
        }
        if (!warned) {
          LOG.warnf(
              "Not listening to changes (%s): every request reads its API key and the policies"
                  + " from the database until it listens again",
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

  private void hear(Connection connection, PGConnection postgres) throws SQLException {
    long checked = System.nanoTime();
    while (running) {
      PGNotification[] changes = postgres.getNotifications(POLL_MILLIS);
      if (changes != null && changes.length > 0) {
        for (Channel channel : Channel.values()) {
          if (Arrays.stream(changes).anyMatch(change -> change.getName().equals(channel.name))) {
            changed(channel);
          }
        }
      } else if (System.nanoTime() - checked > CHECK_EVERY_NANOS) {
        // A connection that died silently would deliver nothing: prove it is alive (listening
        // again changes nothing).
        try (Statement statement = connection.createStatement()) {
          statement.execute(LISTEN);
        }
        checked = System.nanoTime();
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
