package dev.baton;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {

  @Test
  void leadIsHandedOffAndReadBack() {
    String id = Api.handOff("GENERATED");
    as(As.ANALYST)
        .get("/api/v1/leads/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("GENERATED"))
        .body("createdAt", notNullValue());
  }
}
