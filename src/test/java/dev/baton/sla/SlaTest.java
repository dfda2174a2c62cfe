package dev.baton.sla;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.SlaBreachJob;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Overdue;
import dev.baton.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlaTest {

  static final String POLICY = "/api/v1/sla/policy";
  private static final String PROBLEM = "urn:baton:problem:";
  private static final Duration DEFAULT = Duration.ofHours(24);

  @Inject AgroalDataSource database;
  @Inject TestClock clock;
  @Inject SlaBreachJob breaches;

  // ---------------------------------------------------------------------------------------------
  // The policy
  // ---------------------------------------------------------------------------------------------

  /**
   * The policy is one for the whole service: a test that replaces it puts the default back, which
   * every other test assumes.
   */
  static void restoreDefaultPolicy() {
    as(As.ADMIN).body(Map.of("acceptanceHours", 24)).put(POLICY).then().statusCode(200);
  }

  private static String uniqueSegment() {
    return "seg-" + UUID.randomUUID();
  }

  @Test
  void everyRoleReadsThePolicy() {
    for (As role : As.values()) {
      as(role)
          .get(POLICY)
          .then()
          .statusCode(200)
          .body("acceptanceHours", equalTo(24))
          .body("updatedAt", notNullValue())
          .body("updatedBy", notNullValue());
    }
  }

  @Test
  void onlyAdminsReplaceThePolicy() {
    for (As role : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      as(role)
          .body(Map.of("acceptanceHours", 1))
          .put(POLICY)
          .then()
          .statusCode(403)
          .body("type", equalTo(PROBLEM + "forbidden"))
          .body("status", equalTo(403));
    }
    as(As.ANALYST).get(POLICY).then().body("acceptanceHours", equalTo(24));
  }

  @Test
  void aReplacedPolicyIsWhatIsReadBack() {
    String segment = uniqueSegment();
    Instant before = Instant.now().minusSeconds(1);
    try {
      Map<String, Object> policy = new LinkedHashMap<>();
      policy.put("acceptanceHours", 24);
      policy.put("qualifiedLeadsPerMonth", 1200);
      policy.put("minAcceptanceRate", 0.6);
      policy.put(
          "segments",
          List.of(
              Map.of(
                  "segment",
                  segment,
                  "acceptanceHours",
                  4,
                  "qualifiedLeadsPerMonth",
                  300,
                  "minAcceptanceRate",
                  0.75)));
      JsonPath answer =
          as(As.ADMIN)
              .body(policy)
              .put(POLICY)
              .then()
              .statusCode(200)
              .body("acceptanceHours", equalTo(24))
              .body("qualifiedLeadsPerMonth", equalTo(1200))
              .body("minAcceptanceRate", equalTo(0.6f))
              .body("segments", hasSize(1))
              .body("segments[0].segment", equalTo(segment))
              .body("segments[0].acceptanceHours", equalTo(4))
              .body("segments[0].qualifiedLeadsPerMonth", equalTo(300))
              .body("segments[0].minAcceptanceRate", equalTo(0.75f))
              .body("updatedBy", equalTo("bootstrap-admin"))
              .extract()
              .jsonPath();
      assertTrue(Instant.parse(answer.getString("updatedAt")).isAfter(before));
      assertEquals(answer.getMap("$"), as(As.SALES).get(POLICY).jsonPath().getMap("$"));
    } finally {
      restoreDefaultPolicy();
    }
    as(As.MARKETING)
        .get(POLICY)
        .then()
        .body("acceptanceHours", equalTo(24))
        .body("qualifiedLeadsPerMonth", nullValue())
        .body("segments", hasSize(0));
  }

  @Test
  void whoReplacedThePolicyAndWhenIsNotTakenFromTheClient() {
    Instant before = Instant.now().minusSeconds(1);
    try {
      JsonPath answer =
          as(As.ADMIN)
              .body(
                  Map.of(
                      "acceptanceHours",
                      24,
                      "updatedBy",
                      "mallory",
                      "updatedAt",
                      "2000-01-01T00:00:00Z"))
              .put(POLICY)
              .then()
              .statusCode(200)
              .body("updatedBy", equalTo("bootstrap-admin"))
              .extract()
              .jsonPath();
      assertTrue(Instant.parse(answer.getString("updatedAt")).isAfter(before));
      as(As.ANALYST).get(POLICY).then().body("updatedBy", equalTo("bootstrap-admin"));
    } finally {
      restoreDefaultPolicy();
    }
  }

  /** A policy that must be refused, and the field the refusal names. */
  record Invalid(String field, Map<String, Object> body) {}

  @Test
  void anInvalidPolicyIsRefusedNamingTheField() {
    String segment = uniqueSegment();
    List<Invalid> cases = new ArrayList<>();
    cases.add(new Invalid("acceptanceHours", Map.of("qualifiedLeadsPerMonth", 10)));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", 0)));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", 8761)));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", "a day")));
    cases.add(new Invalid("acceptanceHours", Map.of("acceptanceHours", 1.5)));
    cases.add(new Invalid("segments", Map.of("acceptanceHours", 24, "segments", "enterprise")));
    cases.add(
        new Invalid(
            "segments[0]",
            Map.of("acceptanceHours", 24, "segments", Arrays.asList((Object) null))));
    cases.add(
        new Invalid(
            "minAcceptanceRate", Map.of("acceptanceHours", 24, "minAcceptanceRate", 0.12345)));
    cases.add(
        new Invalid("minAcceptanceRate", Map.of("acceptanceHours", 24, "minAcceptanceRate", 1.5)));
    cases.add(
        new Invalid("minAcceptanceRate", Map.of("acceptanceHours", 24, "minAcceptanceRate", -0.1)));
    cases.add(
        new Invalid(
            "qualifiedLeadsPerMonth", Map.of("acceptanceHours", 24, "qualifiedLeadsPerMonth", -1)));
    cases.add(new Invalid("surprise", Map.of("acceptanceHours", 24, "surprise", true)));
    cases.add(
        new Invalid(
            "segments[1].segment",
            Map.of(
                "acceptanceHours",
                24,
                "segments",
                List.of(
                    Map.of("segment", segment, "acceptanceHours", 2),
                    Map.of("segment", segment, "acceptanceHours", 3)))));
    cases.add(
        new Invalid(
            "segments[0].segment",
            Map.of("acceptanceHours", 24, "segments", List.of(Map.of("segment", " ")))));
    cases.add(
        new Invalid(
            "segments[0].acceptanceHours",
            Map.of(
                "acceptanceHours",
                24,
                "segments",
                List.of(Map.of("segment", segment, "acceptanceHours", 0)))));
    cases.add(
        new Invalid(
            "segments[0].minAcceptanceRate",
            Map.of(
                "acceptanceHours",
                24,
                "segments",
                List.of(Map.of("segment", segment, "minAcceptanceRate", 2)))));
    try {
      for (Invalid invalid : cases) {
        as(As.ADMIN)
            .body(invalid.body())
            .put(POLICY)
            .then()
            .statusCode(400)
            .body("type", equalTo(PROBLEM + "validation-error"))
            .body("status", equalTo(400))
            .body("errors.field", hasItem(invalid.field()));
      }
      as(As.ANALYST)
          .get(POLICY)
          .then()
          .body("acceptanceHours", equalTo(24))
          .body("segments", hasSize(0));
    } finally {
      restoreDefaultPolicy();
    }
  }

  @Test
  void aSegmentsAcceptanceTimeAppliesToItsLeadsQualifiedFromThenOn() {
    String segment = uniqueSegment();
    String other = uniqueSegment();
    String before = handOffQualified(segment);
    String generated = handOff(segment, "GENERATED");
    String disputed = handOff(segment, "QUALIFIED");
    Leads.move(as(As.SALES), disputed, "reject", Map.of("reason", "NOT_ICP"))
        .then()
        .statusCode(200);
    as(As.MARKETING)
        .body(Map.of("note", "It is ours"))
        .post(LEADS + "/" + disputed + "/dispute")
        .then()
        .statusCode(200);
    try {
      as(As.ADMIN)
          .body(
              Map.of(
                  "acceptanceHours",
                  24,
                  "segments",
                  List.of(
                      Map.of("segment", segment, "acceptanceHours", 2),
                      Map.of("segment", other, "qualifiedLeadsPerMonth", 10))))
          .put(POLICY)
          .then()
          .statusCode(200);

      assertClock(handOffQualified(segment), Duration.ofHours(2));
      Leads.move(as(As.MARKETING), generated, "qualify", Map.of()).then().statusCode(200);
      assertClock(generated, Duration.ofHours(2));
      as(As.SALES)
          .body(Map.of("outcome", "OVERTURNED"))
          .post(LEADS + "/" + disputed + "/dispute/resolve")
          .then()
          .statusCode(200);
      assertClock(disputed, Duration.ofHours(2));
      // An entry without acceptanceHours keeps the policy's; a lead of no entry too.
      assertClock(handOffQualified(other), DEFAULT);
      assertClock(handOffQualified(uniqueSegment()), DEFAULT);
      // A running clock keeps its deadline.
      assertClock(before, DEFAULT);
    } finally {
      restoreDefaultPolicy();
    }
    assertClock(handOffQualified(segment), DEFAULT);
  }

  // ---------------------------------------------------------------------------------------------
  // A lead's clock
  // ---------------------------------------------------------------------------------------------

  @Test
  void aQualifiedHandoffStartsTheClock() {
    JsonPath lead =
        as(As.MARKETING)
            .body(Leads.body(Leads.uniqueSource(), "QUALIFIED"))
            .post(LEADS)
            .then()
            .statusCode(201)
            .body("sla.state", equalTo("PENDING"))
            .body("sla.decidedAt", nullValue())
            .extract()
            .jsonPath();
    Instant started = Instant.parse(lead.getString("sla.startedAt"));
    assertEquals(Instant.parse(lead.getString("statusTimes.qualifiedAt")), started);
    assertEquals(started.plus(DEFAULT), Instant.parse(lead.getString("sla.deadline")));
    assertEquals(lead.getMap("sla"), Leads.get(lead.getString("id")).jsonPath().getMap("sla"));
  }

  @Test
  void aGeneratedLeadHasNoClockUntilItIsQualified() {
    String id = Leads.leadIn("GENERATED");
    Leads.get(id).then().body("sla", nullValue());
    JsonPath lead =
        Leads.move(as(As.MARKETING), id, "qualify", Map.of("score", 80))
            .then()
            .statusCode(200)
            .body("sla.state", equalTo("PENDING"))
            .extract()
            .jsonPath();
    Instant started = Instant.parse(lead.getString("sla.startedAt"));
    assertEquals(Instant.parse(lead.getString("statusTimes.qualifiedAt")), started);
    assertEquals(started.plus(DEFAULT), Instant.parse(lead.getString("sla.deadline")));
  }

  @Test
  void anAnswerInTimeMeetsTheSla() {
    String accepted = Leads.leadIn("QUALIFIED");
    JsonPath lead =
        Leads.move(as(As.SALES), accepted, "accept", Map.of("owner", "jane@acme.com"))
            .then()
            .statusCode(200)
            .body("sla.state", equalTo("MET"))
            .extract()
            .jsonPath();
    assertEquals(lead.getString("statusTimes.acceptedAt"), lead.getString("sla.decidedAt"));

    String rejected = Leads.leadIn("QUALIFIED");
    lead =
        Leads.move(as(As.SALES), rejected, "reject", Map.of("reason", "NO_BUDGET"))
            .then()
            .statusCode(200)
            .body("sla.state", equalTo("MET"))
            .extract()
            .jsonPath();
    assertEquals(lead.getString("statusTimes.rejectedAt"), lead.getString("sla.decidedAt"));
    assertTrue(!Leads.historyTypes(accepted).contains("lead.sla_breached"));
    assertTrue(!Leads.historyTypes(rejected).contains("lead.sla_breached"));
  }

  @Test
  void rejectingAnAcceptedLeadLeavesItsStoppedClockAlone() {
    String id = Leads.leadIn("ACCEPTED");
    Map<String, Object> clock = Leads.get(id).jsonPath().getMap("sla");
    assertEquals("MET", clock.get("state"));
    Leads.move(as(As.SALES), id, "reject", Map.of("reason", "CHOSE_COMPETITOR"))
        .then()
        .statusCode(200)
        .body("sla", equalTo(clock));
  }

  @Test
  void theJobBreachesAnOverdueLeadOnceEvenWithNobodyCalling() throws Exception {
    String source = Leads.uniqueSource();
    String id = Overdue.handedOff(clock, () -> Leads.handOff(Leads.body(source, "QUALIFIED")));
    long version = Leads.version(id);

    breaches.breachDue();
    JsonPath lead = awaitSlaState(id, "BREACHED");
    assertEquals("QUALIFIED", lead.getString("status"), "a breach does not move the lead");
    assertNull(lead.get("sla.decidedAt"), "nobody answered");
    assertEquals(version + 1, lead.getLong("version"));
    Leads.get(id).then().header("ETag", "\"" + (version + 1) + "\"");

    JsonPath history = Leads.history(id).jsonPath();
    List<String> types = history.getList("data.type");
    assertEquals(List.of("lead.created", "lead.sla_breached"), types);
    assertEquals("baton", history.getString("data[1].actor.name"));
    assertNull(history.get("data[1].actor.role"), "Baton itself has no role");
    assertEquals(version + 1, history.getLong("data[1].leadVersion"));
    assertEquals(
        Instant.parse(lead.getString("sla.deadline")),
        Instant.parse(history.getString("data[1].data.deadline")));
    assertEquals(
        Instant.parse(lead.getString("sla.startedAt")),
        Instant.parse(history.getString("data[1].data.startedAt")));
    assertEquals("mid-market", history.getString("data[1].data.segment"));
    assertTrue(feed("lead.sla_breached").contains(id));

    // The overdue lead is found by its state; sales answers it late, and the breach stays one.
    assertEquals(List.of(id), listed(source, "BREACHED"));
    assertEquals(List.of(), listed(source, "PENDING"));
    Leads.move(as(As.SALES), id, "accept", Map.of("owner", "late@acme.com"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("sla.state", equalTo("BREACHED"))
        .body("sla.decidedAt", notNullValue())
        .body("sla.deadline", equalTo(lead.getString("sla.deadline")));
    assertEquals(
        List.of("lead.created", "lead.sla_breached", "lead.accepted"), Leads.historyTypes(id));
    assertEquals(Map.of(id, 1), Overdue.breachEvents(database, List.of(id)));
  }

  @Test
  void aLateAnswerIsABreachRecordedOnce() throws Exception {
    // The job runs every second: whoever notices first records the breach, the other does not.
    String accepted = Overdue.handedOff(clock, () -> Leads.leadIn("QUALIFIED"));
    String rejected = Overdue.handedOff(clock, () -> Leads.leadIn("QUALIFIED"));

    Leads.move(as(As.SALES), accepted, "accept", Map.of("owner", "late@acme.com"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("sla.state", equalTo("BREACHED"))
        .body("sla.decidedAt", notNullValue());
    Leads.move(as(As.SALES), rejected, "reject", Map.of("reason", "UNRESPONSIVE"))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("sla.state", equalTo("BREACHED"))
        .body("sla.decidedAt", notNullValue());

    // The job, run after the answers, must not record the breach again.
    breaches.breachDue();
    for (String id : List.of(accepted, rejected)) {
      JsonPath lead = Leads.get(id).jsonPath();
      assertEquals("BREACHED", lead.getString("sla.state"));
      assertNotNull(lead.getString("sla.decidedAt"));
      List<String> types = Leads.historyTypes(id);
      assertEquals(1, types.stream().filter("lead.sla_breached"::equals).count(), types.toString());
      assertTrue(types.indexOf("lead.sla_breached") < types.size() - 1, "breach before answer");
      JsonPath history = Leads.history(id).jsonPath();
      String breach = "data[" + types.indexOf("lead.sla_breached") + "]";
      assertEquals("baton", history.getString(breach + ".actor.name"));
      assertNull(history.get(breach + ".actor.role"));
    }
    assertEquals(
        Map.of(accepted, 1, rejected, 1),
        Overdue.breachEvents(database, List.of(accepted, rejected)));
  }

  @Test
  void leadsAreListedBySlaState() {
    String source = Leads.uniqueSource();
    String pending = Leads.handOff(Leads.body(source, "QUALIFIED"));
    String met = Leads.handOff(Leads.body(source, "QUALIFIED"));
    Leads.move(as(As.SALES), met, "accept", Map.of("owner", "o@acme.com")).then().statusCode(200);
    Leads.handOff(Leads.body(source, "GENERATED"));
    assertEquals(List.of(pending), listed(source, "PENDING"));
    assertEquals(List.of(met), listed(source, "MET"));
    assertEquals(List.of(), listed(source, "BREACHED"));
    assertEquals(
        3,
        as(As.ANALYST).queryParam("source", source).get(LEADS).jsonPath().getList("data").size());
  }

  @Test
  void anUnknownSlaStateFilterIsRefused() {
    as(As.ANALYST)
        .queryParam("slaState", "LATE")
        .get(LEADS)
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEM + "validation-error"))
        .body("status", equalTo(400))
        .body("errors.field", hasItem("slaState"));
  }

  // ---------------------------------------------------------------------------------------------

  private static String handOff(String segment, String status) {
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), status);
    body.put("segment", segment);
    return Leads.handOff(body);
  }

  private static String handOffQualified(String segment) {
    return handOff(segment, "QUALIFIED");
  }

  private static void assertClock(String id, Duration allowed) {
    JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
    assertEquals("PENDING", lead.getString("sla.state"), id);
    Instant started = Instant.parse(lead.getString("sla.startedAt"));
    assertEquals(
        started.plus(allowed), Instant.parse(lead.getString("sla.deadline")), "deadline of " + id);
  }

  static JsonPath awaitSlaState(String id, String state) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      JsonPath lead = Leads.get(id).then().statusCode(200).extract().jsonPath();
      if (state.equals(lead.getString("sla.state"))) {
        return lead;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the SLA of " + id + " is still " + lead.getString("sla.state"));
      }
      Thread.sleep(200);
    }
  }

  private static List<String> listed(String source, String slaState) {
    return as(As.ANALYST)
        .queryParam("source", source)
        .queryParam("slaState", slaState)
        .get(LEADS)
        .then()
        .statusCode(200)
        .extract()
        .path("data.id");
  }

  /** The lead ids of every event of this type in the change feed. */
  static List<String> feed(String type) {
    List<String> leads = new ArrayList<>();
    String cursor = null;
    while (true) {
      RequestSpecification request =
          as(As.ANALYST).queryParam("types", type).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("after", cursor);
      }
      JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
      List<String> ids = page.getList("data.leadId", String.class);
      assertTrue(page.getList("data.type", String.class).stream().allMatch(type::equals));
      leads.addAll(ids);
      String next = page.getString("nextCursor");
      if (ids.isEmpty() || next.equals(cursor)) {
        return leads;
      }
      cursor = next;
    }
  }
}
