package dev.baton.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV imports: a header of known columns, one lead and its last cycle per row. */
@QuarkusTest
class ImportCsvTest {

  @Test
  void aCsvRowBecomesALeadWithItsPast() {
    String email = Leads.uniqueEmail();
    String csv =
        "email,firstName,source,campaign,segment,handedOffAt,qualifiedAt,acceptedAt,owner,"
            + "convertedAt,amount,currency\n"
            + email
            + ",\"Ada, the first\",fair,csv-q1,smb,2025-04-01T09:00:00Z,"
            + "2025-04-01T10:00:00Z,2025-04-02T10:00:00Z,sam,2025-05-01T10:00:00Z,999.50,EUR\n"
            + Leads.uniqueEmail()
            + ",Bob,fair,,smb,2025-04-01T09:00:00Z,,,,,12,\n";
    JsonPath job =
        Imports.finished(
            Imports.post(csv, "text/csv", null).then().statusCode(202).extract().path("id"));
    assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
    List<JsonPath> results = Imports.results(job.getString("id"));
    assertEquals("CREATED", results.get(0).getString("outcome"));
    assertEquals("REFUSED", results.get(1).getString("outcome"));
    assertEquals("amount", results.get(1).getString("problem.errors[0].field"));
    Leads.get(results.get(0).getString("leadId"))
        .then()
        .body("status", equalTo("CONVERTED"))
        .body("contact.firstName", equalTo("Ada, the first"))
        .body("statusTimes.acceptedAt", equalTo("2025-04-02T10:00:00Z"));
  }

  @Test
  void aHeaderWithAnUnknownColumnIsRefusedBeforeAnythingIsStored() {
    Imports.post("email,source,handedOffAt,favouriteColour\n", "text/csv", null)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("favouriteColour"));
  }
}
