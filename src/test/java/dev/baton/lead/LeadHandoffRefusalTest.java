package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refused handoffs: invalid status, missing or bad fields, and roles that may not hand off. */
@QuarkusTest
class LeadHandoffRefusalTest {

  @Test
  void handoffAsAnotherStatusIsRefused() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), "ACCEPTED");
    as(As.MARKETING)
        .body(body)
        .post(LEADS)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", hasItem("status"));
  }

  @Test
  void handoffWithoutSourceAndEmailNamesBothFields() {
    Map<String, Object> body =
        Map.of(
            "contact", Map.of("firstName", "Ada"),
            "attribution", Map.of("campaign", "q4-launch"));
    as(As.MARKETING)
        .body(body)
        .post(LEADS)
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("status", equalTo(400))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("errors.field", hasItems("attribution.source", "contact.email"));
  }

  @Test
  void handoffWithBlankSourceIsRefused() {
    Map<String, Object> body = Leads.body(" ", null);
    as(As.MARKETING)
        .body(body)
        .post(LEADS)
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("attribution.source")));
  }

  @Test
  void handoffWithoutContactOrAttributionNamesThem() {
    as(As.MARKETING)
        .body(Map.of("segment", "smb"))
        .post(LEADS)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", hasItems("contact", "attribution"));
  }

  @Test
  void handoffWithAnInvalidEmailIsRefused() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), null);
    body.put("contact", Map.of("email", "not-an-email"));
    as(As.MARKETING)
        .body(body)
        .post(LEADS)
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("contact.email")));
  }

  @Test
  void salesAndAnalystsMayNotHandOff() {
    for (As role : List.of(As.SALES, As.ANALYST)) {
      as(role)
          .body(Leads.body(Leads.uniqueSource(), null))
          .post(LEADS)
          .then()
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:forbidden"));
    }
  }
}
