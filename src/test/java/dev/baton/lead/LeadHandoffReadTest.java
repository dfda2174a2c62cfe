package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading a handed-off lead: the same body and ETag, and 404 problems for unknown ids. */
@QuarkusTest
class LeadHandoffReadTest {

  @Test
  void getAnswersTheSameBodyAndETagAsTheHandoff() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), null);
    JsonPath created =
        as(As.ADMIN).body(body).post(LEADS).then().statusCode(201).extract().jsonPath();
    String id = created.getString("id");

    JsonPath read =
        Leads.get(id)
            .then()
            .statusCode(200)
            .contentType(startsWith("application/json"))
            .header("ETag", "\"1\"")
            .extract()
            .jsonPath();
    assertEquals(created.getMap(""), read.getMap(""));
  }

  @Test
  void unknownLeadIsA404Problem() {
    String id = UUID.randomUUID().toString();
    Leads.get(id)
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:not-found"))
        .body("status", equalTo(404))
        .body("detail", containsString(id));
  }

  @Test
  void malformedLeadIdIsA404Problem() {
    Leads.get("not-a-uuid")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:not-found"));
  }
}
