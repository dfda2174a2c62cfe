package dev.baton.lead;

import static dev.baton.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /q/metrics counts committed handoffs, moves and rejections; refused ones are not counted. */
@QuarkusTest
class LeadMetricsTest {

  @Test
  void handoffsAreCountedBySourceOnceCommitted() {
    String source = Leads.uniqueSource();
    String series = "baton_handoffs_total{source=\"" + source + "\"}";
    Leads.handOff(Leads.body(source, "GENERATED"));
    Leads.handOff(Leads.body(source, "QUALIFIED"));
    // A refused handoff (the same person again) is not counted.
    Map<String, Object> again = Leads.body(source, null);
    String email = Leads.uniqueEmail();
    ((Map<String, Object>) again.get("contact")).put("email", email);
    as(As.MARKETING).body(again).post(Leads.LEADS).then().statusCode(201);
    as(As.MARKETING).body(again).post(Leads.LEADS).then().statusCode(409);
    assertEquals(3.0, value(series));
  }

  @Test
  void movesAndRejectionsAreCountedAndRefusedMovesAreNot() {
    double rejections = value("baton_rejections_total{reason=\"SPAM\"}");
    double converted = value("baton_moves_total{event=\"lead.converted\"}");
    String lead = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), lead, "reject", Map.of("reason", "SPAM")).then().statusCode(200);
    // Refused: a rejected lead cannot be converted.
    Leads.move(as(As.SALES), lead, "convert", Map.of()).then().statusCode(409);
    assertEquals(rejections + 1, value("baton_rejections_total{reason=\"SPAM\"}"));
    assertEquals(converted, value("baton_moves_total{event=\"lead.converted\"}"));
  }

  /** The counter's value, 0 when it does not exist yet. */
  private static double value(String series) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher line =
        Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+]+)$", Pattern.MULTILINE)
            .matcher(metrics);
    return line.find() ? Double.parseDouble(line.group(1)) : 0.0;
  }
}
