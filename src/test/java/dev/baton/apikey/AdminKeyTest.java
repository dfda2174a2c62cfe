package dev.baton.apikey;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminKeyTest {

  @Test
  void theBootstrapKeyIsListedWithoutAnyPartOfItsSecret() {
    Map<String, Object> bootstrap = bootstrapKey();
    assertEquals("(bootstrap)", bootstrap.get("prefix"));
  }

  @Test
  void theLastActiveAdminKeyCannotBeRevoked() {
    String bootstrapId = (String) bootstrapKey().get("id");
    // Leave the bootstrap key as the only active admin key.
    for (Map<String, Object> key : allKeys()) {
      if ("ADMIN".equals(key.get("role"))
          && key.get("revokedAt") == null
          && !bootstrapId.equals(key.get("id"))) {
        as(As.ADMIN).delete("/api/v1/api-keys/" + key.get("id")).then().statusCode(200);
      }
    }
    as(As.ADMIN)
        .delete("/api/v1/api-keys/" + bootstrapId)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:last-admin-key"));
    // With a second admin key, the first one may go.
    String second =
        as(As.ADMIN)
            .body(Map.of("name", "second-admin", "role", "ADMIN"))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(As.ADMIN).delete("/api/v1/api-keys/" + second).then().statusCode(200);
  }

  private static Map<String, Object> bootstrapKey() {
    return allKeys().stream()
        .filter(k -> "bootstrap-admin".equals(k.get("name")))
        .findFirst()
        .orElseThrow();
  }

  private static List<Map<String, Object>> allKeys() {
    return as(As.ADMIN)
        .get("/api/v1/api-keys?limit=200")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data");
  }
}
