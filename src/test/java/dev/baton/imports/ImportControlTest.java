package dev.baton.imports;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An import's upload retried under its key, and a job cancelled while it runs. */
@QuarkusTest
class ImportControlTest {

  private static String rows(int count) {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < count; i++) {
      file.append("{\"contact\":{\"email\":\"")
          .append(Leads.uniqueEmail())
          .append("\"},\"attribution\":{\"source\":\"control\"},")
          .append("\"handedOffAt\":\"2025-06-01T09:00:00Z\"}\n");
    }
    return file.toString();
  }

  private static io.restassured.response.Response post(String key, String file) {
    return as(As.ADMIN)
        .contentType("application/x-ndjson")
        .header("Idempotency-Key", key)
        .body(file.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports");
  }

  @Test
  void theSameFileUnderTheSameKeyIsTheSameJobAndAnotherFileIsRefused() {
    String key = UUID.randomUUID().toString();
    String file = rows(3);
    String id = post(key, file).then().statusCode(202).extract().path("id");
    post(key, file).then().statusCode(202).body("id", equalTo(id));
    post(key, rows(3))
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:baton:problem:idempotency-key-reused"));
    assertEquals(3, Imports.finished(id).getLong("rowsCreated"));
  }

  @Test
  void aCancelledJobStopsAfterItsBatchAndKeepsWhatItWrote() {
    String id = Imports.upload(rows(4000), null).getString("id");
    long until = System.nanoTime() + 30_000_000_000L;
    while (Imports.job(id).getLong("rowsRead") == 0 && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    as(As.ADMIN)
        .post("/api/v1/imports/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("state", equalTo("CANCELLED"));
    JsonPath job = Imports.finished(id);
    assertEquals("CANCELLED", job.getString("state"));
    long read = job.getLong("rowsRead");
    assertTrue(read > 0 && read < 4000, job.prettify());
    assertEquals(read, Imports.results(id).size());
    as(As.ADMIN)
        .post("/api/v1/imports/" + id + "/cancel")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:import-ended"));
    as(As.ADMIN).get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404);
  }
}
