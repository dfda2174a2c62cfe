package dev.baton.imports;

import static dev.baton.testing.Api.as;

import dev.baton.testing.Api.As;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Uploads import files as a client does, and waits for their jobs to end. */
public final class Imports {

  private Imports() {}

  /** Posts an NDJSON file; answers the job's JSON (202 expected). */
  public static JsonPath upload(String ndjson, String duplicates) {
    return post(ndjson, "application/x-ndjson", duplicates)
        .then()
        .statusCode(202)
        .extract()
        .jsonPath();
  }

  public static Response post(String body, String contentType, String duplicates) {
    var request = as(As.ADMIN).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
    if (duplicates != null) {
      request = request.queryParam("duplicates", duplicates);
    }
    return request.post("/api/v1/imports");
  }

  /** Waits until the job ended; answers it. */
  public static JsonPath finished(String id) {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonPath job = job(id);
      if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.getString("state"))
          || System.nanoTime() > until) {
        return job;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return job;
      }
    }
  }

  public static JsonPath job(String id) {
    return as(As.ADMIN).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
  }

  /** The job's results, one JSON object per row. */
  public static List<JsonPath> results(String id) {
    String body =
        as(As.ADMIN)
            .get("/api/v1/imports/" + id + "/results")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return body.lines().map(JsonPath::from).toList();
  }

  /** Uploads and waits: the finished job. */
  public static JsonPath run(String ndjson, String duplicates) {
    return finished(upload(ndjson, duplicates).getString("id"));
  }
}
