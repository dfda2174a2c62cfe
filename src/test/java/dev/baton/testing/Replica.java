package dev.baton.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Baton replica for the multi-JVM tests: the packaged application in a JVM of its own, in the
 * production profile, on a PostgreSQL the test owns.
 *
 * <p>As in its container, where the root filesystem is read-only and only /tmp (an emptyDir) can be
 * written, the replica runs in a working directory of its own that it may not write to, with a
 * temporary directory of its own: the working directory is read-only for a user other than root and
 * must still be empty when the replica has stopped, so that a write anywhere but the declared
 * temporary directory fails the test even where the tests run as root.
 */
public final class Replica implements AutoCloseable {

  /** The API's port. */
  public final int port;

  /** The management interface's port: /q/health, /q/metrics, /q/openapi. */
  public final int managementPort;

  private final Process process;
  private final File log;
  private final Path workingDirectory;

  private Replica(int port, int managementPort, Process process, File log, Path workingDirectory) {
    this.port = port;
    this.managementPort = managementPort;
    this.process = process;
    this.log = log;
    this.workingDirectory = workingDirectory;
  }

  /** A throwaway PostgreSQL server with the settings Baton expects. */
  public static EmbeddedPostgres postgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setLocaleConfig("encoding", "UTF8")
        .setLocaleConfig("locale", "C")
        .start();
  }

  /**
   * Starts a replica on a free port; its output goes to {@code target/<name>.log}. The environment
   * adds to (or overrides) the database and the bootstrap admin key.
   */
  public static Replica start(
      String name,
      String jdbcUrl,
      String adminKey,
      Map<String, String> environment,
      String... systemProperties)
      throws IOException {
    int port = freePort();
    int managementPort = freePort();
    Path home = Files.createTempDirectory(Path.of("target"), name + "-");
    Path workingDirectory = Files.createDirectory(home.resolve("work"));
    Path temporary = Files.createDirectory(home.resolve("tmp"));
    Files.setPosixFilePermissions(workingDirectory, PosixFilePermissions.fromString("r-xr-xr-x"));
    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.management.port=" + managementPort);
    command.add("-Djava.io.tmpdir=" + temporary.toAbsolutePath());
    command.addAll(List.of(systemProperties));
    command.add("-jar");
    command.add(new File(System.getProperty("baton.jar")).getAbsolutePath());
    File log = new File("target/" + name + ".log").getAbsoluteFile();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log);
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    env.put("BATON_BOOTSTRAP_ADMIN_KEY", adminKey);
    env.putAll(environment);
    return new Replica(port, managementPort, builder.start(), log, workingDirectory);
  }

  /** A request to this replica with the given API key. */
  public RequestSpecification call(String key) {
    return given()
        .baseUri("http://localhost")
        .port(port)
        .auth()
        .oauth2(key)
        .contentType(ContentType.JSON);
  }

  /** A request to this replica's management interface. */
  public RequestSpecification ops() {
    return given().baseUri("http://localhost").port(managementPort);
  }

  /** Creates an API key through this replica and returns its secret. */
  public String createKey(String adminKey, String name, String role) {
    return call(adminKey)
        .body(Map.of("name", name, "role", role))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** Waits until the replica's readiness check answers 200. */
  public Replica awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("replica on port " + port + " exited; see " + log);
      }
      try {
        if (ops().get("/q/health/ready").statusCode() == 200) {
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
  public void terminate() {
    process.destroy();
  }

  /** Waits for the process to exit and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError("replica on port " + port + " still running after " + timeout);
    }
    return process.exitValue();
  }

  /** Kills the process at once (SIGKILL), as a crashed node would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public File log() {
    return log;
  }

  /** Stops the replica, then checks it wrote nothing outside its temporary directory. */
  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> written = Files.list(workingDirectory)) {
      List<Path> files = written.toList();
      if (!files.isEmpty()) {
        throw new AssertionError(
            "the replica wrote "
                + files
                + " into its working directory, read-only in its container; see "
                + log);
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
