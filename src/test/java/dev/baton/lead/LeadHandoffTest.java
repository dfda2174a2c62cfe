package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadHandoffTest {

  private static Map<String, Object> fullLead(String email, String source) {
    return Map.of(
        "contact",
        Map.of(
            "email",
            email,
            "firstName",
            "Ada",
            "lastName",
            "Lovelace",
            "phone",
            "+44 20 7946 0958",
            "jobTitle",
            "Head of Analytics"),
        "company",
        Map.of(
            "name",
            "Analytical Engines Ltd",
            "domain",
            "engines.example",
            "industry",
            "Computing",
            "size",
            "51-200",
            "country",
            "GB"),
        "attribution",
        Map.ofEntries(
            Map.entry("source", source),
            Map.entry("campaign", "q4-launch"),
            Map.entry("medium", "email"),
            Map.entry("content", "pricing-guide"),
            Map.entry("term", "lead routing"),
            Map.entry("utmSource", "newsletter"),
            Map.entry("utmMedium", "email"),
            Map.entry("utmCampaign", "q4"),
            Map.entry("utmTerm", "handoff"),
            Map.entry("utmContent", "cta-top")),
        "segment",
        "enterprise",
        "consent",
        Map.of("granted", true, "capturedAt", "2026-01-31T09:30:00Z", "source", "pricing-form"),
        "attributes",
        Map.of(
            "plan",
            Map.of("tier", "gold", "seats", 12, "addons", List.of("sso", "audit")),
            "newsletter",
            true,
            "locale",
            "en-GB"));
  }

  @Test
  void handoffAnswers201WithLocationETagAndTheLeadAsGiven() {
    String email = Leads.uniqueEmail();
    String source = Leads.uniqueSource();
    ExtractableResponse<Response> created =
        as(As.MARKETING)
            .body(fullLead(email, source))
            .post(LEADS)
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header("Location", containsString(LEADS + "/"))
            .body("id", matchesPattern("[0-9a-f-]{36}"))
            .body("status", equalTo("GENERATED"))
            .body("version", equalTo(1))
            .body("recycleCount", equalTo(0))
            .body("contact.email", equalTo(email))
            .body("contact.firstName", equalTo("Ada"))
            .body("contact.lastName", equalTo("Lovelace"))
            .body("contact.phone", equalTo("+44 20 7946 0958"))
            .body("contact.jobTitle", equalTo("Head of Analytics"))
            .body("company.name", equalTo("Analytical Engines Ltd"))
            .body("company.domain", equalTo("engines.example"))
            .body("company.industry", equalTo("Computing"))
            .body("company.size", equalTo("51-200"))
            .body("company.country", equalTo("GB"))
            .body("attribution.source", equalTo(source))
            .body("attribution.campaign", equalTo("q4-launch"))
            .body("attribution.medium", equalTo("email"))
            .body("attribution.content", equalTo("pricing-guide"))
            .body("attribution.term", equalTo("lead routing"))
            .body("attribution.utmSource", equalTo("newsletter"))
            .body("attribution.utmMedium", equalTo("email"))
            .body("attribution.utmCampaign", equalTo("q4"))
            .body("attribution.utmTerm", equalTo("handoff"))
            .body("attribution.utmContent", equalTo("cta-top"))
            .body("segment", equalTo("enterprise"))
            .body("consent.granted", equalTo(true))
            .body("consent.capturedAt", equalTo("2026-01-31T09:30:00Z"))
            .body("consent.source", equalTo("pricing-form"))
            .body("attributes.plan.tier", equalTo("gold"))
            .body("attributes.plan.seats", equalTo(12))
            .body("attributes.plan.addons", equalTo(List.of("sso", "audit")))
            .body("attributes.newsletter", equalTo(true))
            .body("attributes.locale", equalTo("en-GB"))
            .body("statusTimes.generatedAt", notNullValue())
            .body("statusTimes.qualifiedAt", nullValue())
            .body("owner", nullValue())
            .body("rejection", nullValue())
            .body("conversion", nullValue())
            .body("createdAt", endsWith("Z"))
            .body("updatedAt", endsWith("Z"))
            .extract();
    String id = created.path("id");
    assertEquals(LEADS + "/" + id, URI.create(created.header("Location")).getPath());

    // The Location resolves to the very lead that was answered.
    String location = created.header("Location");
    Response read = given().auth().oauth2(Api.key(As.ANALYST)).get(location);
    read.then().statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));
    assertEquals(created.jsonPath().getMap(""), read.jsonPath().getMap(""));
  }

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
  void leadHandedOffWithoutStatusIsGenerated() {
    String id = Leads.handOff(Leads.body(Leads.uniqueSource(), null));
    Leads.get(id)
        .then()
        .body("status", equalTo("GENERATED"))
        .body("statusTimes.generatedAt", notNullValue())
        .body("statusTimes.qualifiedAt", nullValue());
  }

  @Test
  void leadHandedOffAsQualifiedIsQualifiedWithItsTimeScoreAndNote() {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    body.put("score", 87);
    body.put("qualificationNote", "Asked for a demo");
    JsonPath lead =
        as(As.MARKETING)
            .body(body)
            .post(LEADS)
            .then()
            .statusCode(201)
            .body("status", equalTo("QUALIFIED"))
            .body("score", equalTo(87))
            .body("qualificationNote", equalTo("Asked for a demo"))
            .body("statusTimes.qualifiedAt", endsWith("Z"))
            .body("statusTimes.acceptedAt", nullValue())
            .extract()
            .jsonPath();
    // Qualified at the moment of the handoff.
    assertEquals(lead.getString("createdAt"), lead.getString("statusTimes.qualifiedAt"));
    Leads.get(lead.getString("id"))
        .then()
        .body("status", equalTo("QUALIFIED"))
        .body("statusTimes.qualifiedAt", equalTo(lead.getString("statusTimes.qualifiedAt")));
  }

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
