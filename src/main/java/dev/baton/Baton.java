package dev.baton;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Baton. Before Quarkus starts, it hands the check of the request target from Quarkus's HTTP
 * root, which refuses a malformed URI with a bare 400 (no body, no request id) before any route
 * runs, to {@code RequestHeadFilter}: the same check, answered as problem+json. The switch is a JVM
 * system property read once when Quarkus's HTTP layer is loaded, so it must be set here; dev mode
 * and the tests set it in the pom. Without it Baton still refuses such requests, bare.
 */
@QuarkusMain
public class Baton {

  static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

  public static void main(String... args) {
    if (System.getProperty(URI_VALIDATION_OFF) == null) {
      System.setProperty(URI_VALIDATION_OFF, "true");
    }
    Quarkus.run(args);
  }
}
