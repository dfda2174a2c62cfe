package dev.baton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Baton's entry point. In production a missing database is a deployment mistake: say so in one line
 * and stop, rather than start half a service.
 */
@QuarkusMain
public class Main {

  public static void main(String... args) {
    if (LaunchMode.current() == LaunchMode.NORMAL
        && ConfigProvider.getConfig()
            .getOptionalValue("quarkus.datasource.jdbc.url", String.class)
            .isEmpty()) {
      System.err.println(
          "Baton cannot start: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL"
              + " (e.g. jdbc:postgresql://db:5432/baton), QUARKUS_DATASOURCE_USERNAME and"
              + " QUARKUS_DATASOURCE_PASSWORD. (An embedded PostgreSQL is started only by dev mode"
              + " and the tests.)");
      System.exit(1);
    }
    Quarkus.run(args);
  }
}
