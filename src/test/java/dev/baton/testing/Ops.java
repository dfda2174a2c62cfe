package dev.baton.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The operations endpoints (/q/health, /q/metrics, /q/openapi, /q/swagger-ui) of the application
 * under test, on the management interface: a port of its own, never the API's.
 */
public final class Ops {

  private Ops() {}

  /** A request to the management interface. */
  public static RequestSpecification given() {
    return RestAssured.given().port(port());
  }

  /** The port the management interface listens on in this test run. */
  public static int port() {
    return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
  }
}
