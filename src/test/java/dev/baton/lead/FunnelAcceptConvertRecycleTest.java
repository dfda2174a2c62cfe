package dev.baton.lead;

import static dev.baton.lead.FunnelMoveScenes.lead;
import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What accept, convert and recycle take and record on the lead. */
@QuarkusTest
class FunnelAcceptConvertRecycleTest {

  @Test
  void acceptWithoutOwnerIsRefused() {
    String id = Leads.leadIn("QUALIFIED");
    for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("owner", "  "))) {
      Leads.move(as(As.SALES), id, "accept", body)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("owner")));
    }
    as(As.SALES)
        .post(LEADS + "/" + id + "/accept")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"));
    Leads.get(id).then().body("status", equalTo("QUALIFIED")).body("version", equalTo(1));
  }

  @Test
  void acceptRecordsTheOwnerStripped() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "accept", Map.of("owner", "  sam@acme.com "))
        .then()
        .statusCode(200)
        .body("owner", equalTo("sam@acme.com"))
        .body("statusTimes.acceptedAt", notNullValue());
  }

  @Test
  void convertRecordsTheDeal() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(
            as(As.SALES),
            id,
            "convert",
            Map.of("opportunityRef", "OPP-42", "amount", 12000.5, "currency", "EUR"))
        .then()
        .statusCode(200)
        .body("status", equalTo("CONVERTED"))
        .body("conversion.opportunityRef", equalTo("OPP-42"))
        .body("conversion.currency", equalTo("EUR"))
        .body("statusTimes.convertedAt", notNullValue());
    as(As.ANALYST)
        .config(Leads.DOUBLES)
        .get(LEADS + "/" + id)
        .then()
        .body("conversion.amount", equalTo(12000.5))
        .body("conversion.currency", equalTo("EUR"))
        .body("conversion.opportunityRef", equalTo("OPP-42"));
  }

  @Test
  void convertWithoutADealIsAllowed() {
    String id = Leads.leadIn("ACCEPTED");
    as(As.SALES)
        .post(LEADS + "/" + id + "/convert")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONVERTED"))
        .body("conversion.amount", nullValue());
  }

  @Test
  void convertWithAnAmountButNoCurrencyIsRefused() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(as(As.SALES), id, "convert", Map.of("amount", 100))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("currency")));
    Leads.get(id).then().body("status", equalTo("ACCEPTED"));
  }

  @Test
  void convertWithACurrencyButNoAmountIsRefused() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(as(As.SALES), id, "convert", Map.of("currency", "USD"))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("amount")));
    Leads.get(id).then().body("status", equalTo("ACCEPTED"));
  }

  @Test
  void convertWithAnInvalidCurrencyOrAmountIsRefused() {
    String id = Leads.leadIn("ACCEPTED");
    for (String currency : List.of("EURO", "ABC", "eur")) {
      Leads.move(as(As.SALES), id, "convert", Map.of("amount", 1, "currency", currency))
          .then()
          .statusCode(400)
          .body("errors.field", equalTo(List.of("currency")));
    }
    Leads.move(as(As.SALES), id, "convert", Map.of("amount", -1, "currency", "EUR"))
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("amount")));
    Leads.get(id).then().body("status", equalTo("ACCEPTED"));
  }

  @Test
  void recycleStartsANewCycleThatCanBeQualifiedAgain() {
    String id = Leads.leadIn("ACCEPTED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "BAD_TIMING")).then().statusCode(200);
    JsonPath rejected = lead(id);

    JsonPath recycled =
        Leads.move(as(As.MARKETING), id, "recycle", Map.of("note", "Try next quarter"))
            .then()
            .statusCode(200)
            .body("status", equalTo("GENERATED"))
            .body("recycleCount", equalTo(1))
            .body("rejection", nullValue())
            .body("owner", nullValue())
            // The times, clock and dispute of the previous cycle are its history's, not the lead's.
            .body("statusTimes.qualifiedAt", nullValue())
            .body("statusTimes.acceptedAt", nullValue())
            .body("statusTimes.rejectedAt", nullValue())
            .body("sla", nullValue())
            .extract()
            .jsonPath();
    assertTrue(
        Instant.parse(recycled.getString("statusTimes.generatedAt"))
            .isAfter(Instant.parse(rejected.getString("createdAt"))));

    JsonPath requalified =
        Leads.move(as(As.MARKETING), id, "qualify", Map.of())
            .then()
            .statusCode(200)
            .body("status", equalTo("QUALIFIED"))
            .body("recycleCount", equalTo(1))
            .extract()
            .jsonPath();
    assertTrue(
        Instant.parse(requalified.getString("statusTimes.qualifiedAt"))
            .isAfter(Instant.parse(rejected.getString("statusTimes.qualifiedAt"))));

    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NO_NEED")).then().statusCode(200);
    Leads.move(as(As.ADMIN), id, "recycle", Map.of())
        .then()
        .statusCode(200)
        .body("status", equalTo("GENERATED"))
        .body("recycleCount", equalTo(2));
    Leads.get(id).then().body("recycleCount", equalTo(2)).body("version", equalTo(7));
  }
}
