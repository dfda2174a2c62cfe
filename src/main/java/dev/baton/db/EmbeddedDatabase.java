package dev.baton.db;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ExecutionModeManager;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Gives dev mode and the tests a real PostgreSQL when no database is configured, so that a newcomer
 * needs nothing but a JDK. The production profile never starts one: there a missing URL is a
 * configuration error.
 *
 * <p>One server per JVM: Quarkus restarts the application in fresh class loaders (tests with other
 * profiles, dev-mode reloads), so the address is kept in a system property rather than a static.
 */
public class EmbeddedDatabase implements ConfigSourceFactory {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  private static final String URL_PROPERTY = "embedded-postgres.jdbc-url";
  private static final String JDBC_URL = "quarkus.datasource.jdbc.url";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    List<String> profiles = context.getProfiles();
    boolean embedded = profiles.contains("dev") || profiles.contains("test");
    if (isConfigured(context.getValue(JDBC_URL))) {
      return List.of();
    }
    if (!embedded) {
      // Checked when the service starts, not while it is built (no database is needed then).
      if (ExecutionModeManager.getExecutionMode() == ExecutionMode.RUNTIME_INIT) {
        throw new ConfigurationException(
            "No database configured. Set QUARKUS_DATASOURCE_JDBC_URL (e.g."
                + " jdbc:postgresql://db:5432/baton), QUARKUS_DATASOURCE_USERNAME and"
                + " QUARKUS_DATASOURCE_PASSWORD. Only dev mode and the tests start an embedded"
                + " PostgreSQL.");
      }
      return List.of();
    }
    String url = start();
    return List.of(
        new PropertiesConfigSource(
            Map.of(
                JDBC_URL,
                url,
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres"),
            "EmbeddedDatabase",
            // Below environment variables and application.properties: any configured server wins.
            50));
  }

  @Override
  public java.util.OptionalInt getPriority() {
    return java.util.OptionalInt.of(50);
  }

  private static boolean isConfigured(ConfigValue value) {
    return value != null && value.getValue() != null && !value.getValue().isBlank();
  }

  private static synchronized String start() {
    String running = System.getProperty(URL_PROPERTY);
    if (running != null) {
      return running;
    }
    try {
      long started = System.nanoTime();
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setLocaleConfig("encoding", "UTF8")
              .setLocaleConfig("locale", "C")
              .start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException e) {
                      LOG.warn("Could not stop the embedded PostgreSQL", e);
                    }
                  },
                  "embedded-postgres-stop"));
      String url = postgres.getJdbcUrl("postgres", "postgres");
      LOG.infof(
          "No database configured: started an embedded PostgreSQL on port %d in %d ms",
          postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
      System.setProperty(URL_PROPERTY, url);
      return url;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }
}
