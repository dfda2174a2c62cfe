package dev.baton.openapi;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Ops;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** openapi.yaml at the root is the contract clients are generated from: it must be what runs. */
@QuarkusTest
class OpenApiDocumentTest {

  private static final Path COMMITTED = Path.of("openapi.yaml");
  private static final Path SERVED_COPY = Path.of("target", "openapi.yaml");

  @Test
  void committedDocumentIsWhatTheServiceServes() throws IOException {
    String served =
        Ops.given()
            .accept("application/yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Files.writeString(SERVED_COPY, served, StandardCharsets.UTF_8);
    String committed =
        Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
    assertEquals(
        committed,
        served,
        "openapi.yaml differs from /q/openapi; if the change is intended: cp target/openapi.yaml openapi.yaml");
  }

  @Test
  void swaggerUiIsServed() {
    Ops.given()
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("swagger-ui"));
  }

  @Test
  void everyOperationHasAnIdASummaryAndItsErrors() {
    JsonPath doc =
        new JsonPath(
            Ops.given().accept("application/json").get("/q/openapi?format=json").asString());
    Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
    List<String> defects = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, operation) -> {
                  if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    return;
                  }
                  String where = method.toUpperCase() + " " + path;
                  Object id = operation.get("operationId");
                  if (id == null || !ids.add(id.toString())) {
                    defects.add(where + ": missing or duplicate operationId");
                  }
                  if (operation.get("summary") == null) {
                    defects.add(where + ": no summary");
                  }
                  @SuppressWarnings("unchecked")
                  Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                  if (!responses.containsKey("401") || !responses.containsKey("500")) {
                    defects.add(where + ": no 401/500 responses");
                  }
                  if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                    defects.add(where + ": no success response");
                  }
                  if (operation.containsKey("requestBody") && !responses.containsKey("400")) {
                    defects.add(where + ": takes a body but documents no 400");
                  }
                  // An upsert (PUT) creates what it does not find: no 404 there.
                  if (path.contains("{")
                      && !"put".equals(method)
                      && !responses.containsKey("404")) {
                    defects.add(where + ": has a path id but documents no 404");
                  }
                }));
    assertFalse(paths.isEmpty());
    assertTrue(defects.isEmpty(), String.join("\n", defects));
    assertEquals("bearer", doc.getString("components.securitySchemes.apiKey.scheme"));
  }
}
