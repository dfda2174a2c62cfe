package dev.baton.web;

import static dev.baton.web.RawLeads.assertValidationProblem;
import static dev.baton.web.RawLeads.leadJson;
import static dev.baton.web.RawLeads.postLead;
import static dev.baton.web.RawLeads.uniqueEmail;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever fields a lead arrives with — unknown ones, values of the wrong type, NUL characters, too
 * many attributes, text too long — the answer is precise: a 400 naming every offending field at
 * once, never 500. Attributes alone may hold any key.
 */
@QuarkusTest
class HostileLeadFieldsTest {

  // ---------------------------------------------------------------------------------------------
  // Many problems at once
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyOffendingFieldIsListedInOneResponse() {
    String body =
        """
        {
          "contact": {
            "email": "not-an-email",
            "firstName": 42,
            "lastName": {"nested": true},
            "jobTitle": "CEO\\u0000",
            "nickname": "Ada"
          },
          "company": {"name": "Acme", "country": "XX", "employees": 12},
          "attribution": {"source": "webinar"},
          "status": "WON",
          "score": 101,
          "consent": {"granted": "yes"},
          "favouriteColour": "blue",
          "attributes": {"anything": {"goes": [1, "two", null, {"deep": {"er": true}}]}, "crmId": 7}
        }
        """;
    Response response = postLead(body);
    assertValidationProblem(response);
    response
        .then()
        .body(
            "errors.field",
            containsInAnyOrder(
                "contact.email",
                "contact.firstName",
                "contact.lastName",
                "contact.jobTitle",
                "contact.nickname",
                "company.country",
                "company.employees",
                "status",
                "score",
                "consent.granted",
                "favouriteColour"))
        .body("errors.message", everyItem(notNullValue()));
  }

  @Test
  void unknownPropertyIsRefusedNamingTheField() {
    Response response = postLead(leadJson("\"favouriteColour\": \"blue\""));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("favouriteColour")));
  }

  @Test
  void unknownNestedPropertyIsRefusedNamingItsPath() {
    String body =
        "{\"contact\": {\"email\": \""
            + uniqueEmail()
            + "\", \"twitter\": \"@ada\"}, \"attribution\": {\"source\": \"x\", \"channel\": 1}}";
    Response response = postLead(body);
    assertValidationProblem(response);
    response
        .then()
        .body("errors.field", containsInAnyOrder("contact.twitter", "attribution.channel"));
  }

  @Test
  void attributesMayHoldAnyUnknownKeys() {
    String body =
        leadJson(
            """
            "attributes": {
              "favouriteColour": "blue",
              "status": "anything",
              "nested": {"unknown": {"deeper": [1, 2.5, true, null, "x"]}},
              "contact": {"email": "not-validated-here"}
            }""");
    Response response = postLead(body);
    assertEquals(201, response.statusCode(), response.asString());
    response
        .then()
        .body("attributes.favouriteColour", equalTo("blue"))
        .body("attributes.status", equalTo("anything"))
        .body("attributes.nested.unknown.deeper[1]", equalTo(2.5f))
        .body("attributes.contact.email", equalTo("not-validated-here"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "number for a string | {\"contact\": {\"email\": \"%s\", \"firstName\": 42}} | contact.firstName",
        "object for a string | {\"contact\": {\"email\": \"%s\", \"lastName\": {\"a\": 1}}} | contact.lastName",
        "array for a string | {\"contact\": {\"email\": \"%s\", \"phone\": [\"1\"]}} | contact.phone",
        "boolean for a string | {\"contact\": {\"email\": \"%s\", \"jobTitle\": true}} | contact.jobTitle",
        "string for a boolean | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": \"yes\"}} | consent.granted",
        "number for a boolean | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": 1}} | consent.granted",
        "text for a timestamp | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": true, \"capturedAt\": \"yesterday\"}} | consent.capturedAt",
        "timestamp without offset | {\"contact\": {\"email\": \"%s\"}, \"consent\": {\"granted\": true, \"capturedAt\": \"2026-01-31T09:30:00\"}} | consent.capturedAt",
        "string for an object | {\"contact\": {\"email\": \"%s\"}, \"company\": \"Acme\"} | company",
        "array for an object | {\"contact\": {\"email\": \"%s\"}, \"company\": [{\"name\": \"Acme\"}]} | company",
        "array for attributes | {\"contact\": {\"email\": \"%s\"}, \"attributes\": [1, 2]} | attributes",
        "string for attributes | {\"contact\": {\"email\": \"%s\"}, \"attributes\": \"x\"} | attributes",
        "NUL in a string | {\"contact\": {\"email\": \"%s\", \"firstName\": \"A\\u0000da\"}} | contact.firstName",
        "NUL in an attribute | {\"contact\": {\"email\": \"%s\"}, \"attributes\": {\"k\": \"v\\u0000\"}} | attributes.k",
        "NUL in a segment | {\"contact\": {\"email\": \"%s\"}, \"segment\": \"\\u0000\"} | segment",
        "blank email | {\"contact\": {\"email\": \"  \"}} | contact.email",
        "missing contact | {\"segment\": \"%s\"} | contact",
      })
  void wrongValueIsRefusedNamingTheField(String what, String fields, String field) {
    // Every case gets a valid attribution unless it is the one under test.
    String body = fields.formatted(uniqueEmail());
    if (!body.contains("\"attribution\"")) {
      body = body.substring(0, body.length() - 1) + ", \"attribution\": {\"source\": \"x\"}}";
    }
    Response response = postLead(body);
    assertValidationProblem(response);
    response.then().body("errors.field", hasItem(field));
  }

  @Test
  void tooManyAttributesAreRefusedNamingAttributes() {
    StringBuilder attributes = new StringBuilder("\"attributes\": {");
    for (int i = 0; i <= 100; i++) {
      attributes.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": ").append(i);
    }
    Response response = postLead(leadJson(attributes.append('}').toString()));
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("attributes")));
  }

  @Test
  void overlongTextIsRefusedNamingTheField() {
    Response response =
        postLead(
            "{\"contact\": {\"email\": \""
                + uniqueEmail()
                + "\", \"firstName\": \""
                + "a".repeat(101)
                + "\"}, \"attribution\": {\"source\": \""
                + "s".repeat(101)
                + "\"}}");
    assertValidationProblem(response);
    response
        .then()
        .body("errors.field", containsInAnyOrder("contact.firstName", "attribution.source"));
  }
}
