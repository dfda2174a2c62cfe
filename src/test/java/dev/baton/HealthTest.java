package dev.baton;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.baton.testing.Ops;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

  private static final String DATABASE_CHECK = "Database connections health check";

  @Test
  void readinessIncludesTheDatabase() {
    Ops.given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(DATABASE_CHECK));
  }

  @Test
  void livenessDoesNotDependOnTheDatabase() {
    Ops.given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", not(hasItem(DATABASE_CHECK)));
  }

  @Test
  void operationsEndpointsAreOffTheApiPort() {
    for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
      Ops.given().get(path).then().statusCode(200);
      given()
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .header("X-Request-Id", notNullValue());
    }
  }
}
