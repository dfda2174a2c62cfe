package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreconditionsTest {

  @Test
  void ifMatchMayListSeveralVersions() {
    String id = Leads.leadIn("GENERATED");
    as(As.MARKETING)
        .header("If-Match", "\"7\", \"1\"")
        .post(LEADS + "/" + id + "/qualify")
        .then()
        .statusCode(200)
        .body("status", equalTo("QUALIFIED"));
  }

  @Test
  void aWeakETagNeverMatches() {
    String id = Leads.leadIn("GENERATED");
    as(As.MARKETING)
        .header("If-Match", "W/\"1\"")
        .post(LEADS + "/" + id + "/qualify")
        .then()
        .statusCode(412)
        .body("type", equalTo("urn:baton:problem:precondition-failed"));
  }

  @Test
  void aMalformedIfMatchIsABadRequestNamingTheHeader() {
    String id = Leads.leadIn("GENERATED");
    as(As.MARKETING)
        .header("If-Match", ",")
        .post(LEADS + "/" + id + "/qualify")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("If-Match"));
  }

  @Test
  void aBareQualifyWithoutBodyOrContentTypeWorks() throws Exception {
    String id = Leads.leadIn("GENERATED");
    HttpResponse<String> response = barePost(LEADS + "/" + id + "/qualify", As.MARKETING);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("QUALIFIED", JsonPath.from(response.body()).getString("status"));
  }

  @Test
  void aBareAcceptSaysTheBodyIsMissing() throws Exception {
    String id = Leads.leadIn("QUALIFIED");
    HttpResponse<String> response = barePost(LEADS + "/" + id + "/accept", As.SALES);
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(List.of("body"), JsonPath.from(response.body()).getList("errors.field"));
  }

  /** A POST with no body and no Content-Type, as {@code curl -X POST} sends it. */
  private static HttpResponse<String> barePost(String path, As role) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .header("Authorization", "Bearer " + Api.key(role))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRoleThatMayNeverTakeTheMoveIsRefusedBeforeTheLeadIsLookedUp() {
    as(As.ANALYST)
        .post(LEADS + "/00000000-0000-0000-0000-000000000000/qualify")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:baton:problem:forbidden"));
  }
}
