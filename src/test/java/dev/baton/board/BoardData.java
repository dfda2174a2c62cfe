package dev.baton.board;

import static dev.baton.testing.Api.as;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A known data set for the scoreboard: eight leads of one source of their own, played through the
 * API into every part of the page (accepted and converted, rejected with each accountable party,
 * disputed and overturned, recycled, waiting), so that no other test's leads appear beside them.
 */
final class BoardData {

  /** The source, the ids of the leads as handed off, and the lead that has every part. */
  record Played(String source, List<String> ids, String converted, String waiting) {}

  private BoardData() {}

  static Played play() {
    String source = Leads.uniqueSource();
    List<String> ids = new ArrayList<>();
    String converted = qualified(source, ids, "Acme");
    move(As.SALES, converted, "accept", Map.of("owner", "jane@acme.com"));
    as(As.SALES)
        .body(Map.of("rating", 4, "kind", "OBSERVATION", "text", "Good fit, quick yes"))
        .post(Leads.LEADS + "/" + converted + "/feedback")
        .then()
        .statusCode(201);
    move(
        As.SALES,
        converted,
        "convert",
        Map.of("opportunityRef", "OPP-7", "amount", 12000.5, "currency", "EUR"));
    move(As.SALES, qualified(source, ids, "Globex"), "accept", Map.of("owner", "jo@acme.com"));
    String overturned = qualified(source, ids, "Initech");
    move(As.SALES, overturned, "reject", Map.of("reason", "NOT_ICP", "note", "Too small"));
    move(As.MARKETING, overturned, "dispute", Map.of("note", "800 employees: our ICP"));
    move(As.SALES, overturned, "dispute/resolve", Map.of("outcome", "OVERTURNED"));
    move(As.SALES, qualified(source, ids, "Umbrella"), "reject", Map.of("reason", "UNRESPONSIVE"));
    move(As.SALES, qualified(source, ids, "Hooli"), "reject", Map.of("reason", "NOT_ICP"));
    String recycled = handOff(source, "GENERATED", ids, "Stark");
    move(As.MARKETING, recycled, "reject", Map.of("reason", "NO_BUDGET"));
    move(As.MARKETING, recycled, "recycle", Map.of("note", "Next quarter"));
    String waiting = handOff(source, "GENERATED", ids, "Wayne");
    move(As.MARKETING, waiting, "qualify", Map.of());
    handOff(source, "GENERATED", ids, "Tyrell");
    return new Played(source, ids, converted, waiting);
  }

  private static String qualified(String source, List<String> ids, String company) {
    return handOff(source, "QUALIFIED", ids, company);
  }

  private static String handOff(String source, String status, List<String> ids, String company) {
    Map<String, Object> body = Leads.body(source, status);
    body.put("company", Map.of("name", company));
    String id = Leads.handOff(body);
    ids.add(id);
    return id;
  }

  private static void move(As role, String id, String action, Map<String, ?> input) {
    Leads.move(as(role), id, action, input).then().statusCode(200);
  }
}
