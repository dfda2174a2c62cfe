package dev.baton.lead;

import static dev.baton.lead.FunnelMoveScenes.lead;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The funnel table: every allowed move succeeds, every other one is refused or forbidden. */
@QuarkusTest
class FunnelMovesTest {

  private static final List<String> STATUSES =
      List.of("GENERATED", "QUALIFIED", "ACCEPTED", "CONVERTED", "REJECTED");
  private static final List<String> ACTIONS =
      List.of("qualify", "accept", "reject", "convert", "recycle");

  /** A move of PRODUCT.md's funnel table, with who may make it (admin may do everything). */
  record Step(String action, String from, String to, Set<String> roles) {}

  private static final List<Step> PRODUCT_TABLE =
      List.of(
          new Step("qualify", "GENERATED", "QUALIFIED", Set.of("MARKETING", "ADMIN")),
          new Step("accept", "QUALIFIED", "ACCEPTED", Set.of("SALES", "ADMIN")),
          new Step("reject", "GENERATED", "REJECTED", Set.of("MARKETING", "SALES", "ADMIN")),
          new Step("reject", "QUALIFIED", "REJECTED", Set.of("SALES", "ADMIN")),
          new Step("reject", "ACCEPTED", "REJECTED", Set.of("SALES", "ADMIN")),
          new Step("convert", "ACCEPTED", "CONVERTED", Set.of("SALES", "ADMIN")),
          new Step("recycle", "REJECTED", "GENERATED", Set.of("MARKETING", "ADMIN")));

  private static List<Step> codeTable() {
    return Funnel.MOVES.stream()
        .filter(m -> m.trigger() instanceof Action)
        .map(
            m ->
                new Step(
                    m.trigger().label(),
                    m.from().name(),
                    m.to().name(),
                    m.roles().stream().map(Enum::name).collect(Collectors.toSet())))
        .toList();
  }

  /** Valid input for each action. */
  private static Map<String, Object> input(String action) {
    return switch (action) {
      case "qualify" -> Map.of("score", 70, "note", "Visited pricing twice");
      case "accept" -> Map.of("owner", "jane.doe@acme.com");
      case "reject" -> Map.of("reason", "NOT_ICP", "note", "Wrong persona");
      case "convert" ->
          Map.of("opportunityRef", "006Dn00000A1b2C", "amount", 12000.5, "currency", "EUR");
      case "recycle" -> Map.of("note", "Back to nurture");
      default -> throw new IllegalArgumentException(action);
    };
  }

  private static String timeField(String status) {
    return "statusTimes." + status.toLowerCase(Locale.ROOT) + "At";
  }

  private static RequestSpecification asRole(String role) {
    return as(As.valueOf(role));
  }

  @Test
  void theCodeEnforcesExactlyTheProductFunnelTable() {
    assertEquals(Set.copyOf(PRODUCT_TABLE), Set.copyOf(codeTable()));
    assertEquals(PRODUCT_TABLE.size(), codeTable().size());
  }

  @Test
  void everyAllowedMoveSucceedsForEveryRoleAllowedToMakeIt() {
    for (Step step : codeTable()) {
      for (String role : step.roles()) {
        String what = step + " as " + role;
        String id = Leads.leadIn(step.from());
        JsonPath before = lead(id);
        long version = before.getLong("version");

        JsonPath after =
            Leads.move(asRole(role), id, step.action(), input(step.action()))
                .then()
                .statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"")
                .extract()
                .jsonPath();
        assertEquals(step.to(), after.getString("status"), what);
        assertEquals(version + 1, after.getLong("version"), what);
        String entered = after.getString(timeField(step.to()));
        assertTrue(entered != null, what + ": " + timeField(step.to()) + " is set");
        String previous = before.getString(timeField(step.to()));
        if (previous != null) {
          assertTrue(Instant.parse(entered).isAfter(Instant.parse(previous)), what);
        }
        assertEquals(Instant.parse(after.getString("updatedAt")), Instant.parse(entered), what);

        switch (step.action()) {
          case "qualify" -> assertEquals(70, after.getInt("score"), what);
          case "accept" -> assertEquals("jane.doe@acme.com", after.getString("owner"), what);
          case "reject" -> {
            assertEquals("NOT_ICP", after.getString("rejection.reason"), what);
            assertEquals("MARKETING", after.getString("rejection.accountable"), what);
            assertEquals("Wrong persona", after.getString("rejection.note"), what);
          }
          case "convert" -> {
            assertEquals("006Dn00000A1b2C", after.getString("conversion.opportunityRef"), what);
            assertEquals(0, after.getDouble("conversion.amount") - 12000.5, 1e-9);
            assertEquals("EUR", after.getString("conversion.currency"), what);
          }
          case "recycle" ->
              assertEquals(before.getInt("recycleCount") + 1, after.getInt("recycleCount"), what);
          default -> throw new IllegalStateException(step.action());
        }

        // What was answered is what is stored.
        Leads.get(id)
            .then()
            .header("ETag", "\"" + (version + 1) + "\"")
            .body("status", equalTo(step.to()))
            .body("version", equalTo((int) version + 1));
      }
    }
  }

  @Test
  void everyMoveOutsideTheTableIsRefusedNamingTheStatusAndTheAllowedActions() {
    Map<String, String> leadIn = new HashMap<>();
    for (String status : STATUSES) {
      leadIn.put(status, Leads.leadIn(status));
    }
    int refused = 0;
    for (String status : STATUSES) {
      List<String> allowed =
          PRODUCT_TABLE.stream()
              .filter(s -> s.from().equals(status))
              .map(s -> s.action().toUpperCase(Locale.ROOT))
              .toList();
      for (String action : ACTIONS) {
        if (allowed.contains(action.toUpperCase(Locale.ROOT))) {
          continue;
        }
        String id = leadIn.get(status);
        long version = Leads.version(id);
        Leads.move(as(As.ADMIN), id, action, input(action))
            .then()
            .statusCode(409)
            .contentType(startsWith("application/problem+json"))
            .body("type", equalTo("urn:baton:problem:transition-not-allowed"))
            .body("status", equalTo(409))
            .body("title", notNullValue())
            .body("detail", containsString(status))
            .body("currentStatus", equalTo(status))
            .body("allowedActions", containsInAnyOrder(allowed.toArray()));
        assertEquals(version, Leads.version(id), action + " from " + status + " changed nothing");
        assertEquals(status, lead(id).getString("status"));
        refused++;
      }
    }
    assertEquals(25 - PRODUCT_TABLE.size(), refused);
  }

  @Test
  void aConvertedLeadAllowsNoActionAtAll() {
    String id = Leads.leadIn("CONVERTED");
    Leads.move(as(As.ADMIN), id, "recycle", Map.of())
        .then()
        .statusCode(409)
        .body("currentStatus", equalTo("CONVERTED"))
        .body("allowedActions", equalTo(List.of()));
  }

  @Test
  void rolesOutsideAMoveAreForbiddenToMakeIt() {
    for (Step step : PRODUCT_TABLE) {
      for (As role : As.values()) {
        if (step.roles().contains(role.name())) {
          continue;
        }
        String id = Leads.leadIn(step.from());
        long version = Leads.version(id);
        Leads.move(as(role), id, step.action(), input(step.action()))
            .then()
            .statusCode(403)
            .contentType(startsWith("application/problem+json"))
            .body("type", equalTo("urn:baton:problem:forbidden"));
        assertEquals(step.from(), lead(id).getString("status"), step + " as " + role);
        assertEquals(version, Leads.version(id), step + " as " + role);
      }
    }
  }
}
