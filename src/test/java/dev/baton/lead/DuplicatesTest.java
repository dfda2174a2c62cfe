package dev.baton.lead;

import static dev.baton.testing.Api.as;
import static dev.baton.testing.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One open lead per person and one lead per external id, even when duplicates arrive at once. */
@QuarkusTest
class DuplicatesTest {

  @Test
  void aSecondOpenLeadForThePersonIsRefusedNamingTheFirst() {
    Map<String, Object> first = Leads.body(Leads.uniqueSource(), null);
    String id = Leads.handOff(first);
    Map<String, Object> again = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    String email = (String) ((Map<?, ?>) first.get("contact")).get("email");
    again.put("contact", Map.of("email", "  " + email.toUpperCase() + " "));
    as(As.MARKETING)
        .body(again)
        .post(LEADS)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:duplicate-lead"))
        .body("existingLeadId", equalTo(id))
        .body("existingLeadLocation", equalTo(LEADS + "/" + id));
  }

  @Test
  void aPersonWhoseLeadWasRejectedComesBackAsANewLinkedLead() {
    Map<String, Object> first = Leads.body(Leads.uniqueSource(), null);
    String id = Leads.handOff(first);
    as(As.MARKETING)
        .body(Map.of("reason", "BAD_TIMING"))
        .post(LEADS + "/" + id + "/reject")
        .then()
        .statusCode(200);
    Map<String, Object> comeback = Leads.body(Leads.uniqueSource(), null);
    comeback.put("contact", first.get("contact"));
    as(As.MARKETING)
        .body(comeback)
        .post(LEADS)
        .then()
        .statusCode(201)
        .body("previousLeadId", equalTo(id));
    // The old lead cannot be recycled while the new one is open.
    as(As.MARKETING)
        .post(LEADS + "/" + id + "/recycle")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:duplicate-lead"));
  }

  @Test
  void anExternalIdBelongsToOneLead() {
    String system = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> first = Leads.body(Leads.uniqueSource(), null);
    first.put("externalRefs", List.of(Map.of("system", system, "id", "42")));
    String id = Leads.handOff(first);
    as(As.ANALYST)
        .get(LEADS + "/" + id)
        .then()
        .body("externalRefs[0].system", equalTo(system))
        .body("externalRefs[0].id", equalTo("42"));
    Map<String, Object> second = Leads.body(Leads.uniqueSource(), null);
    second.put("externalRefs", List.of(Map.of("system", system, "id", "42")));
    as(As.MARKETING)
        .body(second)
        .post(LEADS)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:baton:problem:external-ref-exists"))
        .body("existingLeadId", equalTo(id));
  }

  @Test
  void aMoveAnswersTheLeadWithItsExternalIds() {
    String system = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    body.put(
        "externalRefs",
        List.of(Map.of("system", system, "id", "7"), Map.of("system", system + "-b", "id", "8")));
    String id = Leads.handOff(body);
    Leads.move(as(As.ADMIN), id, "accept", Map.of("owner", "jane@acme.com"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("externalRefs.system", equalTo(List.of(system, system + "-b")))
        .body("externalRefs.id", equalTo(List.of("7", "8")));
  }

  @Test
  void twoIdsForOneSystemAreRefused() {
    Map<String, Object> lead = Leads.body(Leads.uniqueSource(), null);
    lead.put(
        "externalRefs",
        List.of(Map.of("system", "hubspot", "id", "1"), Map.of("system", "hubspot", "id", "2")));
    as(As.MARKETING)
        .body(lead)
        .post(LEADS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("externalRefs"));
  }

  @Test
  void anUpsertByExternalIdCreatesThenUpdatesWithoutMovingTheStatus() {
    String path = LEADS + "/external/salesforce/" + UUID.randomUUID();
    Map<String, Object> lead = Leads.body(Leads.uniqueSource(), "QUALIFIED");
    Response created = as(As.MARKETING).body(lead).put(path);
    created.then().statusCode(201).body("status", equalTo("QUALIFIED")).header("ETag", "\"1\"");
    String id = created.jsonPath().getString("id");
    assertEquals(LEADS + "/" + id, java.net.URI.create(created.header("Location")).getPath());

    Map<String, Object> update = new HashMap<>(lead);
    update.put(
        "contact",
        Map.of("email", ((Map<?, ?>) lead.get("contact")).get("email"), "lastName", "Lovelace"));
    update.put("status", "GENERATED");
    as(As.MARKETING)
        .body(update)
        .put(path)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo("QUALIFIED"))
        .body("contact.lastName", equalTo("Lovelace"))
        .header("ETag", "\"2\"");
    as(As.MARKETING).body(update).put(path).then().statusCode(200).header("ETag", "\"2\"");
  }

  @Test
  void anUpsertWithABadSystemNamesIt() {
    as(As.MARKETING)
        .body(Leads.body(Leads.uniqueSource(), null))
        .put(LEADS + "/external/Sales Force/1")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("system"));
  }

  @Test
  void twentySimultaneousHandoffsOfOnePersonMakeOneLead() throws Exception {
    String email = Leads.uniqueEmail();
    List<Response> answers =
        race(
            () -> {
              Map<String, Object> lead = Leads.body(Leads.uniqueSource(), null);
              lead.put("contact", Map.of("email", email));
              return as(As.MARKETING).body(lead).post(LEADS);
            });
    assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count());
    for (Response answer : answers) {
      if (answer.statusCode() != 201) {
        answer.then().statusCode(409).body("type", equalTo("urn:baton:problem:duplicate-lead"));
      }
    }
    assertEquals(
        1, Leads.search(as(As.ANALYST), Map.of("email", email)).jsonPath().getList("data").size());
  }

  @Test
  void twentySimultaneousUpsertsOfOneExternalIdMakeOneLead() throws Exception {
    String path = LEADS + "/external/pipedrive/" + UUID.randomUUID();
    String source = Leads.uniqueSource();
    Map<String, Object> lead = Leads.body(source, null);
    List<Response> answers = race(() -> as(As.MARKETING).body(lead).put(path));
    assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count());
    assertTrue(answers.stream().allMatch(r -> r.statusCode() == 201 || r.statusCode() == 200));
    assertEquals(
        1,
        as(As.ANALYST).queryParam("source", source).get(LEADS).jsonPath().getList("data").size());
  }

  private static List<Response> race(Supplier<Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return request.get();
              }));
    }
    start.countDown();
    List<Response> answers = new ArrayList<>();
    for (Future<Response> future : futures) {
      answers.add(future.get());
    }
    pool.shutdown();
    return answers;
  }
}
