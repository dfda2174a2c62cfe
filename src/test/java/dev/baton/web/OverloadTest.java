package dev.baton.web;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.baton.testing.Api.As;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection busy for longer than the pool's acquisition timeout: the request is shed
 * with a 503 problem+json and Retry-After, and served again as soon as connections free up.
 */
@QuarkusTest
class OverloadTest {

  @Inject AgroalDataSource pool;

  @Test
  void anExhaustedPoolShedsRequestsWith503AndRecovers() throws Exception {
    String lead = dev.baton.testing.Leads.leadIn("GENERATED");
    as(As.ANALYST).get("/api/v1/leads/" + lead).then().statusCode(200);
    List<Connection> held = new ArrayList<>();
    try {
      // Take every connection the application's pool has (the test shares it).
      while (true) {
        try {
          held.add(pool.getConnection());
        } catch (SQLException exhausted) {
          break;
        }
      }
      as(As.ANALYST)
          .get("/api/v1/leads/" + lead)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", notNullValue())
          .body("type", equalTo("urn:baton:problem:busy"));
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    as(As.ANALYST).get("/api/v1/leads/" + lead).then().statusCode(200);
  }
}
