package dev.baton.testing;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.Api.As;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics tests' moves: leads handed off and moved through the public API, asserted 200. */
public final class PlayedMoves {

  private PlayedMoves() {}

  /** Hands off a lead as marketing; {@code null} attribution fields are left out. */
  public static String handOff(
      String status, String source, String campaign, String segment, String content) {
    Map<String, Object> attribution = new LinkedHashMap<>();
    attribution.put("source", source);
    if (campaign != null) {
      attribution.put("campaign", campaign);
    }
    if (content != null) {
      attribution.put("content", content);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contact", Map.of("email", Leads.uniqueEmail(), "firstName", "Ada"));
    body.put("attribution", attribution);
    if (segment != null) {
      body.put("segment", segment);
    }
    body.put("status", status);
    return Leads.handOff(body);
  }

  public static void move(As role, String lead, String action, Map<String, ?> input) {
    Response response = Leads.move(as(role), lead, action, input);
    assertEquals(200, response.statusCode(), () -> action + ": " + response.asString());
  }

  public static void qualify(String lead) {
    move(As.MARKETING, lead, "qualify", Map.of());
  }

  public static void accept(String lead, String owner) {
    move(As.SALES, lead, "accept", Map.of("owner", owner));
  }

  public static void reject(As role, String lead, String reason) {
    move(role, lead, "reject", Map.of("reason", reason));
  }

  public static void convert(String lead, String amount, String currency) {
    move(
        As.SALES,
        lead,
        "convert",
        amount == null ? Map.of() : Map.of("amount", new BigDecimal(amount), "currency", currency));
  }

  public static void recycle(String lead) {
    move(As.MARKETING, lead, "recycle", Map.of("note", "Back to nurture"));
  }

  public static void rate(String lead, int rating) {
    Response response =
        as(As.SALES).body(Map.of("rating", rating)).post(Leads.LEADS + "/" + lead + "/feedback");
    assertEquals(201, response.statusCode(), response::asString);
  }

  public static void dispute(String lead) {
    Response response =
        as(As.MARKETING)
            .body(Map.of("note", "Matches our ICP"))
            .post(Leads.LEADS + "/" + lead + "/dispute");
    assertEquals(200, response.statusCode(), response::asString);
  }

  public static void resolve(String lead, String outcome) {
    Response response =
        as(As.SALES)
            .body(Map.of("outcome", outcome))
            .post(Leads.LEADS + "/" + lead + "/dispute/resolve");
    assertEquals(200, response.statusCode(), response::asString);
  }
}
