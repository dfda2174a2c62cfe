package dev.baton.json;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Baton acknowledges is what it reads back; what it cannot store is refused, never a 500. */
@QuarkusTest
class StoredAsSentTest {

  private static final String LEAD =
      "{\"contact\":{\"email\":\"exact@example.com\"},\"attribution\":{\"source\":\"exact\"},"
          + "\"attributes\":{\"big\":12345678901234567890.123456789,\"small\":0.1,\"n\":7}}";

  @Test
  void numbersInAttributesReadBackExactly() {
    String created =
        as(As.MARKETING)
            .body(LEAD)
            .post("/api/v1/leads")
            .then()
            .statusCode(201)
            .extract()
            .asString();
    String id = JsonPath.from(created).getString("id");
    String read =
        as(As.ANALYST).get("/api/v1/leads/" + id).then().statusCode(200).extract().asString();
    assertEquals("12345678901234567890.123456789", rawNumber(created, "big"));
    assertEquals("12345678901234567890.123456789", rawNumber(read, "big"));
    assertEquals("0.1", rawNumber(read, "small"));
    assertEquals("7", rawNumber(read, "n"));
  }

  @Test
  void aNumberNoColumnCouldHoldIsRefusedNamingTheField() {
    as(As.MARKETING)
        .body(
            "{\"contact\":{\"email\":\"huge@example.com\"},\"attribution\":{\"source\":\"x\"},"
                + "\"attributes\":{\"x\":1e200000}}")
        .post("/api/v1/leads")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", hasItem("attributes.x"));
  }

  @Test
  void aNulCharacterInAQueryParameterIsRefusedNamingIt() {
    as(As.ANALYST)
        .urlEncodingEnabled(false)
        .get("/api/v1/leads?source=a%00b&campaign=x%00y")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("source"))
        .body("errors.field", hasItem("campaign"));
  }

  @Test
  void aNulCharacterInAPathSegmentNamesNoResource() {
    as(As.ADMIN)
        .urlEncodingEnabled(false)
        .get("/api/v1/rejection-reasons/A%00B")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:baton:problem:not-found"));
    as(As.ADMIN)
        .urlEncodingEnabled(false)
        .post("/api/v1/rejection-reasons/A%00B/deactivate")
        .then()
        .statusCode(404);
  }

  private static String rawNumber(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([-0-9.eE+]+)").matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
