package dev.baton.web;

import static dev.baton.testing.Api.as;
import static dev.baton.web.RawLeads.assertValidationProblem;
import static dev.baton.web.RawLeads.leadJson;
import static dev.baton.web.RawLeads.postLead;
import static dev.baton.web.RawLeads.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text beyond ASCII — emoji outside the BMP, Arabic, Japanese, ZWJ sequences, JSON escapes — is
 * stored and answered exactly, as UTF-8; a lone surrogate, which is no character, is refused naming
 * its field.
 */
@QuarkusTest
class HostileUnicodeTest {

  // Non-ASCII text is written with escapes so that the source compiles the same in any locale.
  private static final String EMOJI = "\uD83D\uDE00"; // grinning face, outside the BMP
  private static final String ARABIC = "\u0645\u0631\u062D\u0628\u0627"; // marhaba
  private static final String JAPANESE = "\u65E5\u672C\u8A9E"; // nihongo
  private static final String TOKYO = "\u6771\u4EAC\u90FD"; // Tokyo-to
  private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDCBB"; // woman technologist (ZWJ)

  @Test
  void unicodeRoundTripsExactly() {
    String firstName = "Ada " + EMOJI + " " + ARABIC + " " + JAPANESE;
    String lastName = "\u0141ukasiewicz-\u00D1\u00FA\u00F1ez";
    String body =
        "{\"contact\": {\"email\": \""
            + uniqueEmail()
            + "\", \"firstName\": \""
            + firstName
            + "\", \"lastName\": \""
            + lastName
            + "\"}, \"attribution\": {\"source\": \"webinar\"}, \"attributes\": {\"emoji\": \""
            + EMOJI
            + FAMILY
            + "\", \"arabic\": \""
            + ARABIC
            + " \u0628\u0627\u0644\u0639\u0627\u0644\u0645\", \""
            + JAPANESE
            + "\": \""
            + TOKYO
            + "\"}}";
    Response created = postLead(body);
    assertEquals(201, created.statusCode(), created.asString());
    assertUnicodeLead(created, firstName, lastName);

    String id = created.path("id");
    Response read = as(As.ANALYST).get("/api/v1/leads/" + id);
    assertEquals(200, read.statusCode());
    assertUnicodeLead(read, firstName, lastName);
  }

  @Test
  void escapedUnicodeIsStoredAsTheCharacters() {
    // The same text, sent as JSON \\u escapes (a surrogate pair for the emoji).
    String body = leadJson("\"segment\": \"\\ud83d\\ude00 \\u65e5\\u672c\\u8a9e\"");
    Response created = postLead(body);
    assertEquals(201, created.statusCode(), created.asString());
    String raw = new String(created.asByteArray(), StandardCharsets.UTF_8);
    assertTrue(raw.contains("\"" + EMOJI + " " + JAPANESE + "\""), raw);
    Response read = as(As.ANALYST).get("/api/v1/leads/" + created.path("id"));
    assertEquals(EMOJI + " " + JAPANESE, read.path("segment"));
  }

  @Test
  void unicodeRoundTripsInLists() {
    String email = "lead-" + UUID.randomUUID() + "@example.com";
    String body =
        "{\"contact\": {\"email\": \""
            + email
            + "\", \"firstName\": \""
            + JAPANESE
            + "\"}, \"attribution\": {\"source\": \""
            + ARABIC
            + "\"}}";
    assertEquals(201, postLead(body).statusCode());
    Response list = as(As.ANALYST).body(Map.of("email", email)).post("/api/v1/leads/search");
    assertEquals(200, list.statusCode(), list.asString());
    String raw = new String(list.asByteArray(), StandardCharsets.UTF_8);
    assertTrue(raw.contains("\"firstName\":\"" + JAPANESE + "\""), raw);
    assertTrue(raw.contains("\"source\":\"" + ARABIC + "\""), raw);
  }

  @Test
  void loneSurrogateIsRefusedNamingTheField() {
    // A high surrogate escape alone is not a character: it cannot be stored or answered as UTF-8.
    Response response =
        postLead(
            "{\"contact\": {\"email\": \""
                + uniqueEmail()
                + "\", \"firstName\": \"A\\ud800da\"}, \"attribution\": {\"source\": \"x\"}}");
    assertValidationProblem(response);
    response.then().body("errors.field", equalTo(List.of("contact.firstName")));
  }

  private static void assertUnicodeLead(Response response, String firstName, String lastName) {
    String raw = new String(response.asByteArray(), StandardCharsets.UTF_8);
    // Not escaped, not mangled: the very characters, as UTF-8 bytes.
    assertTrue(raw.contains("\"firstName\":\"" + firstName + "\""), raw);
    assertTrue(raw.contains("\"lastName\":\"" + lastName + "\""), raw);
    assertTrue(raw.contains("\"emoji\":\"" + EMOJI + FAMILY + "\""), raw);
    assertTrue(raw.contains("\"" + JAPANESE + "\":\"" + TOKYO + "\""), raw);
    assertTrue(raw.contains(ARABIC + " \u0628\u0627\u0644\u0639\u0627\u0644\u0645"), raw);
    assertEquals(firstName, response.jsonPath().getString("contact.firstName"));
    Map<String, Object> attributes = response.jsonPath().getMap("attributes");
    assertEquals(TOKYO, attributes.get(JAPANESE));
    assertEquals(EMOJI + FAMILY, attributes.get("emoji"));
  }
}
