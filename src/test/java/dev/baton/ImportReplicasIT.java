package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Replica;
import dev.baton.testing.Replicas;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas on one PostgreSQL; the one running an import is killed (SIGKILL) in the middle of
 * it: the other resumes the job once the dead one's claim ran out, and every row is written once.
 */
class ImportReplicasIT {

  private static final String ADMIN_KEY = "import-replicas-admin-key-0123456789abcdef";
  private static final int ROWS = 20_000;

  @RegisterExtension
  static final Replicas replicas =
      new Replicas(
          2,
          "import-replica-",
          ADMIN_KEY,
          "-Dbaton.imports.claim=3s",
          "-Dbaton.imports.rows-per-batch=200");

  @Test
  void aJobWhoseReplicaIsKilledIsFinishedByTheOtherWritingEveryRowOnce() throws Exception {
    String source = "killed-" + UUID.randomUUID();
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < ROWS; i++) {
      file.append("{\"contact\":{\"email\":\"")
          .append(source)
          .append('-')
          .append(i)
          .append("@example.com\"},\"attribution\":{\"source\":\"")
          .append(source)
          .append("\"},\"externalRefs\":[{\"system\":\"crm\",\"id\":\"")
          .append(source)
          .append('-')
          .append(i)
          .append("\"}],\"handedOffAt\":\"2025-07-01T09:00:00Z\",\"moves\":[")
          .append("{\"action\":\"qualify\",\"at\":\"2025-07-01T10:00:00Z\"}]}\n");
    }
    String id =
        replicas
            .get(0)
            .call(ADMIN_KEY)
            .contentType("application/x-ndjson")
            .body(file.toString().getBytes(StandardCharsets.UTF_8))
            .post("/api/v1/imports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    long until = System.nanoTime() + 60_000_000_000L;
    while (job(replicas.get(0), id).getLong("rowsRead") == 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    int runner = Files.readString(replicas.get(0).log().toPath()).contains(id) ? 0 : 1;
    replicas.get(runner).kill();
    Replica other = replicas.get(1 - runner);
    long killedAt = job(other, id).getLong("rowsRead");
    assertTrue(killedAt < ROWS, "killed before the end: " + killedAt);

    until = System.nanoTime() + 180_000_000_000L;
    JsonPath job = job(other, id);
    while (!job.getString("state").equals("SUCCEEDED") && System.nanoTime() < until) {
      Thread.sleep(200);
      job = job(other, id);
    }
    assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
    assertEquals(ROWS, job.getLong("rowsCreated"), job.prettify());
    assertEquals(0, job.getLong("rowsRefused"), job.prettify());
    assertTrue(Files.readString(other.log().toPath()).contains(id), "the other replica resumed it");
    String results =
        other
            .call(ADMIN_KEY)
            .get("/api/v1/imports/" + id + "/results")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(ROWS, results.lines().count());
    assertEquals(ROWS, results.lines().filter(l -> l.contains("\"CREATED\"")).distinct().count());
    long handedOff =
        other
            .call(ADMIN_KEY)
            .get("/api/v1/funnel?from=2025-07-01&to=2025-07-02&source=" + source)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("totals.handedOff");
    assertEquals(ROWS, handedOff);
  }

  private static JsonPath job(Replica replica, String id) {
    return replica
        .call(ADMIN_KEY)
        .get("/api/v1/imports/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
