package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

  private static JsonPath lead(String id) {
    return Leads.get(id).then().statusCode(200).extract().jsonPath();
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
  void rejectWithoutReasonIsRefused() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("note", "no"))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("reason")));
    Leads.get(id).then().body("status", equalTo("QUALIFIED"));
  }

  @Test
  void rejectWithAnUnknownReasonIsRefused() {
    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NOT_A_REASON"))
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("reason")))
        .body("errors[0].message", containsString("NOT_A_REASON"));
    Leads.get(id).then().body("status", equalTo("QUALIFIED")).body("version", equalTo(1));
  }

  @Test
  void rejectWithADeactivatedReasonIsRefusedUntilItIsActiveAgain() {
    String reason = Leads.newReason("SALES", false);
    as(As.ADMIN)
        .post("/api/v1/rejection-reasons/" + reason + "/deactivate")
        .then()
        .statusCode(200)
        .body("active", equalTo(false));

    String id = Leads.leadIn("QUALIFIED");
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", reason))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:baton:problem:validation-error"))
        .body("errors.field", equalTo(List.of("reason")));
    Leads.get(id).then().body("status", equalTo("QUALIFIED"));

    as(As.ADMIN)
        .post("/api/v1/rejection-reasons/" + reason + "/activate")
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", reason))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejection.reason", equalTo(reason))
        .body("rejection.accountable", equalTo("SALES"));
  }

  @Test
  void rejectForOtherRequiresANote() {
    String id = Leads.leadIn("ACCEPTED");
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of("reason", "OTHER"), Map.of("reason", "OTHER", "note", "   "))) {
      Leads.move(as(As.SALES), id, "reject", body)
          .then()
          .statusCode(400)
          .body("type", equalTo("urn:baton:problem:validation-error"))
          .body("errors.field", equalTo(List.of("note")));
    }
    Leads.get(id).then().body("status", equalTo("ACCEPTED")).body("version", equalTo(2));

    Leads.move(
            as(As.SALES), id, "reject", Map.of("reason", "OTHER", "note", "Acquired by a client"))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejection.reason", equalTo("OTHER"))
        .body("rejection.accountable", equalTo("NONE"))
        .body("rejection.note", equalTo("Acquired by a client"));
  }

  @Test
  void aReasonOfTheCatalogThatRequiresANoteIsEnforcedToo() {
    String reason = Leads.newReason("MARKETING", true);
    String id = Leads.leadIn("GENERATED");
    Leads.move(as(As.MARKETING), id, "reject", Map.of("reason", reason))
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("note")));
    Leads.move(as(As.MARKETING), id, "reject", Map.of("reason", reason, "note", "why"))
        .then()
        .statusCode(200)
        .body("rejection.reason", equalTo(reason))
        .body("rejection.accountable", equalTo("MARKETING"));
  }

  @Test
  void theRejectionShowsTheReasonAndWhoIsAccountable() {
    Map<String, String> expected =
        Map.of("NOT_ICP", "MARKETING", "UNRESPONSIVE", "SALES", "NO_BUDGET", "NONE");
    expected.forEach(
        (reason, accountable) -> {
          String id = Leads.leadIn("QUALIFIED");
          Leads.move(as(As.SALES), id, "reject", Map.of("reason", reason))
              .then()
              .statusCode(200)
              .body("status", equalTo("REJECTED"))
              .body("rejection.reason", equalTo(reason))
              .body("rejection.accountable", equalTo(accountable))
              .body("rejection", not(hasKey("note")))
              .body("statusTimes.rejectedAt", notNullValue());
          Leads.get(id)
              .then()
              .body("rejection.reason", equalTo(reason))
              .body("rejection.accountable", equalTo(accountable));
        });
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

  @Test
  void anActionWithAStaleIfMatchIsRefusedAndWithTheCurrentOneSucceeds() {
    String id = Leads.leadIn("QUALIFIED");
    as(As.SALES)
        .header("If-Match", "\"2\"")
        .body(Map.of("owner", "a@acme.com"))
        .post(LEADS + "/" + id + "/accept")
        .then()
        .statusCode(412)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:precondition-failed"))
        .body("currentVersion", equalTo(1));
    Leads.get(id).then().body("status", equalTo("QUALIFIED")).body("version", equalTo(1));

    as(As.SALES)
        .header("If-Match", "\"1\"")
        .body(Map.of("owner", "a@acme.com"))
        .post(LEADS + "/" + id + "/accept")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("ACCEPTED"));

    as(As.SALES)
        .header("If-Match", "\"1\"")
        .body(Map.of("reason", "NO_NEED"))
        .post(LEADS + "/" + id + "/reject")
        .then()
        .statusCode(412)
        .body("currentVersion", equalTo(2));
    Leads.get(id).then().body("status", equalTo("ACCEPTED"));
  }

  @Test
  void anActionWithAMalformedIfMatchIsRefused() {
    String id = Leads.leadIn("QUALIFIED");
    as(As.SALES)
        .header("If-Match", "version-one")
        .body(Map.of("owner", "a@acme.com"))
        .post(LEADS + "/" + id + "/accept")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("If-Match")));
    Leads.get(id).then().body("status", equalTo("QUALIFIED"));
  }

  @Test
  void movingAnUnknownLeadIsA404Problem() {
    String unknown = UUID.randomUUID().toString();
    Leads.move(as(As.SALES), unknown, "accept", Map.of("owner", "a@acme.com"))
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:baton:problem:not-found"));
    Leads.history(unknown)
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:baton:problem:not-found"));
  }

  @Test
  void historyListsTheHandoffAndEveryMoveOldestFirstWithWhoAndWhat() {
    Leads.Key marketing = Leads.newKey("MARKETING");
    Leads.Key sales = Leads.newKey("SALES");
    Leads.Key admin = Leads.newKey("ADMIN");
    String source = Leads.uniqueSource();
    String id =
        marketing
            .spec()
            .body(Leads.body(source, null))
            .post(LEADS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Leads.move(marketing.spec(), id, "qualify", Map.of("score", 80, "note", "Demo request"))
        .then()
        .statusCode(200);
    Leads.move(sales.spec(), id, "accept", Map.of("owner", "rep@acme.com")).then().statusCode(200);
    Leads.move(sales.spec(), id, "reject", Map.of("reason", "OTHER", "note", "Merged account"))
        .then()
        .statusCode(200);
    Leads.move(marketing.spec(), id, "recycle", Map.of("note", "Nurture")).then().statusCode(200);
    Leads.move(admin.spec(), id, "qualify", Map.of()).then().statusCode(200);
    Leads.move(sales.spec(), id, "accept", Map.of("owner", "rep2@acme.com")).then().statusCode(200);
    Leads.move(
            sales.spec(),
            id,
            "convert",
            Map.of("opportunityRef", "OPP-7", "amount", 2500.25, "currency", "USD"))
        .then()
        .statusCode(200);

    JsonPath history =
        as(As.ANALYST)
            .config(Leads.DOUBLES)
            .get(LEADS + "/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertEquals(
        List.of(
            "lead.created",
            "lead.qualified",
            "lead.accepted",
            "lead.rejected",
            "lead.recycled",
            "lead.qualified",
            "lead.accepted",
            "lead.converted"),
        history.getList("data.type"));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), history.getList("data.leadVersion"));
    List<String> from = history.getList("data.fromStatus");
    List<String> to = history.getList("data.toStatus");
    assertEquals(
        Arrays.asList(
            null,
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED",
            "REJECTED",
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED"),
        from);
    assertEquals(
        List.of(
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED",
            "REJECTED",
            "GENERATED",
            "QUALIFIED",
            "ACCEPTED",
            "CONVERTED"),
        to);
    assertEquals(
        List.of(
            marketing.name(),
            marketing.name(),
            sales.name(),
            sales.name(),
            marketing.name(),
            admin.name(),
            sales.name(),
            sales.name()),
        history.getList("data.actor.name"));
    assertEquals(
        List.of("MARKETING", "MARKETING", "SALES", "SALES", "MARKETING", "ADMIN", "SALES", "SALES"),
        history.getList("data.actor.role"));
    List<String> ids = history.getList("data.leadId");
    ids.forEach(leadId -> assertEquals(id, leadId));
    assertEquals(8, Set.copyOf(history.getList("data.id")).size(), "event ids are unique");

    List<String> times = history.getList("data.occurredAt");
    for (int i = 1; i < times.size(); i++) {
      assertThat(
          "oldest first",
          Instant.parse(times.get(i)).compareTo(Instant.parse(times.get(i - 1))),
          greaterThan(-1));
    }

    assertEquals(source, history.getString("data[0].data.source"));
    assertEquals("GENERATED", history.getString("data[0].data.status"));
    assertEquals(80, history.getInt("data[1].data.score"));
    assertEquals("Demo request", history.getString("data[1].data.note"));
    assertEquals("rep@acme.com", history.getString("data[2].data.owner"));
    assertEquals("OTHER", history.getString("data[3].data.reason"));
    assertEquals("NONE", history.getString("data[3].data.accountable"));
    assertEquals("Merged account", history.getString("data[3].data.note"));
    assertEquals(1, history.getInt("data[4].data.recycleCount"));
    assertEquals("Nurture", history.getString("data[4].data.note"));
    assertEquals("rep2@acme.com", history.getString("data[6].data.owner"));
    assertEquals("OPP-7", history.getString("data[7].data.opportunityRef"));
    assertEquals(2500.25, history.getDouble("data[7].data.amount"));
    assertEquals("USD", history.getString("data[7].data.currency"));

    // The lead itself agrees with the last event.
    JsonPath lead = lead(id);
    assertEquals(8, lead.getInt("version"));
    assertEquals("CONVERTED", lead.getString("status"));
    assertNull(lead.get("rejection"));
    Map<String, Object> last = new LinkedHashMap<>(history.getMap("data[7]"));
    assertEquals(lead.getString("updatedAt"), last.get("occurredAt"));
  }

  @Test
  void everyRoleMayReadTheHistory() {
    String id = Leads.leadIn("QUALIFIED");
    for (As role : As.values()) {
      Api.as(role)
          .get(LEADS + "/" + id + "/history")
          .then()
          .statusCode(200)
          .body("data.type", equalTo(List.of("lead.created")))
          .body("data[0].toStatus", equalTo("QUALIFIED"))
          .body("data[0].data.status", equalTo("QUALIFIED"));
    }
  }
}
