package dev.baton;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Replica;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running replica, then comes back: meanwhile readiness is down, liveness
 * up, and requests get a quick 503 problem+json; afterwards Baton serves again without a restart,
 * with everything acknowledged before the outage still there.
 */
class DatabaseOutageIT {

  private static final String ADMIN_KEY = "outage-it-admin-key-0123456789abcdef";

  private static EmbeddedPostgres postgres(File data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setLocaleConfig("encoding", "UTF8")
        .setLocaleConfig("locale", "C")
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  @Test
  void readinessFallsRequestsGet503AndBatonRecoversWhenPostgresReturns() throws Exception {
    File data = Files.createTempDirectory("baton-outage-").toFile();
    int port = Replica.freePort();
    EmbeddedPostgres postgres = postgres(data, port);
    try (Replica replica =
        Replica.start(
                "outage-replica", postgres.getJdbcUrl("postgres", "postgres"), ADMIN_KEY, Map.of())
            .awaitReady()) {
      String marketing = replica.createKey(ADMIN_KEY, "outage-marketing", "MARKETING");
      String before = handOff(replica, marketing).then().statusCode(201).extract().path("id");

      postgres.close();

      awaitStatus(replica, "/q/health/ready", 503);
      given()
          .baseUri("http://localhost")
          .port(replica.managementPort)
          .get("/q/health/live")
          .then()
          .statusCode(200);
      for (Supplier<Response> request :
          java.util.List.<Supplier<Response>>of(
              () -> replica.call(marketing).get("/api/v1/leads/" + before),
              () -> handOff(replica, marketing),
              () -> replica.call(marketing).get("/api/v1/events"))) {
        Instant start = Instant.now();
        Response answer = request.get();
        Duration took = Duration.between(start, Instant.now());
        assertEquals(503, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:baton:problem:database-unavailable", answer.path("type"));
        assertTrue(answer.header("Retry-After") != null, "Retry-After");
        // Quick: the connection attempt and the pool's wait are bounded, well under a minute.
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "answered after " + took);
      }

      postgres = postgres(data, port);

      awaitStatus(replica, "/q/health/ready", 200);
      replica.call(marketing).get("/api/v1/leads/" + before).then().statusCode(200);
      handOff(replica, marketing).then().statusCode(201);
    } finally {
      postgres.close();
    }
  }

  private static Response handOff(Replica replica, String key) {
    return replica
        .call(key)
        .body(
            Map.of(
                "contact", Map.of("email", "o-" + UUID.randomUUID() + "@example.com"),
                "attribution", Map.of("source", "outage")))
        .post("/api/v1/leads");
  }

  private static void awaitStatus(Replica replica, String path, int status)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    int last = -1;
    while (Instant.now().isBefore(deadline)) {
      last = replica.ops().get(path).statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(path + " answered " + last + ", not " + status);
  }
}
