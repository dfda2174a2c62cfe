package dev.baton;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Baton replica for the multi-JVM tests: the packaged application in a JVM of its own, in the
 * production profile, on a PostgreSQL the test owns.
 */
final class Replica implements AutoCloseable {

  final int port;
  private final Process process;
  private final File log;

  private Replica(int port, Process process, File log) {
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** A throwaway PostgreSQL server with the settings Baton expects. */
  static EmbeddedPostgres postgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setLocaleConfig("encoding", "UTF8")
        .setLocaleConfig("locale", "C")
        .start();
  }

  /**
   * Starts a replica on a free port; its output goes to {@code target/<name>.log}. The environment
   * adds to (or overrides) the database and the bootstrap admin key.
   */
  static Replica start(
      String name,
      String jdbcUrl,
      String adminKey,
      Map<String, String> environment,
      String... systemProperties)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    command.add("-Dquarkus.http.port=" + port);
    command.addAll(List.of(systemProperties));
    command.add("-jar");
    command.add(System.getProperty("baton.jar"));
    File log = new File("target/" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    env.put("BATON_BOOTSTRAP_ADMIN_KEY", adminKey);
    env.putAll(environment);
    return new Replica(port, builder.start(), log);
  }

  /** A request to this replica with the given API key. */
  RequestSpecification call(String key) {
    return given()
        .baseUri("http://localhost")
        .port(port)
        .auth()
        .oauth2(key)
        .contentType(ContentType.JSON);
  }

  /** Creates an API key through this replica and returns its secret. */
  String createKey(String adminKey, String name, String role) {
    return call(adminKey)
        .body(Map.of("name", name, "role", role))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** Waits until the replica's readiness check answers 200. */
  Replica awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("replica on port " + port + " exited; see " + log);
      }
      try {
        if (given().baseUri("http://localhost").port(port).get("/q/health/ready").statusCode()
            == 200) {
          return this;
        }
      } catch (Exception e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("replica on port " + port + " did not become ready; see " + log);
  }

  /** Sends SIGTERM, as Kubernetes does when it stops a pod. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to exit and returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError("replica on port " + port + " still running after " + timeout);
    }
    return process.exitValue();
  }

  /** Kills the process at once (SIGKILL), as a crashed node would. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  File log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
