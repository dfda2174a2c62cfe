package dev.baton.event;

import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

  private static final String FEED = "/api/v1/events";

  @Inject AgroalDataSource database;

  @Test
  void aPollerRacingWritersWithUnevenCommitsSeesEveryEventExactlyOnce() throws Exception {
    String start = drain(null, new ArrayList<>());
    String lead = Leads.leadIn("GENERATED");
    Set<String> expected = new HashSet<>();
    ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> apiLeads = new ConcurrentLinkedQueue<>();
    apiLeads.add(lead);

    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> seen = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    Future<String> poller =
        pool.submit(
            () -> {
              String cursor = start;
              while (writing.get()) {
                cursor = read(cursor, seen, 7);
              }
              return cursor;
            });
    List<Future<?>> writers = new ArrayList<>();
    // Writers that hold their transaction open for uneven times after taking an identity value,
    // so that identity values commit out of order.
    for (int w = 0; w < 8; w++) {
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 15; i++) {
                  written.add(
                      insertEventAndCommitLater(lead, ThreadLocalRandom.current().nextInt(0, 150)));
                }
                return null;
              }));
    }
    // And real handoffs and moves through the API.
    for (int w = 0; w < 3; w++) {
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 6; i++) {
                  String id = Leads.handOff(Leads.body(Leads.uniqueSource(), "QUALIFIED"));
                  apiLeads.add(id);
                  as(As.SALES)
                      .body(Map.of("owner", "o"))
                      .post("/api/v1/leads/" + id + "/accept")
                      .then()
                      .statusCode(200);
                }
                return null;
              }));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }
    writing.set(false);
    String cursor = poller.get();
    drain(cursor, seen);
    pool.shutdown();

    expected.addAll(written);
    for (String id : apiLeads) {
      as(As.ANALYST)
          .get("/api/v1/leads/" + id + "/history")
          .jsonPath()
          .getList("data.id", String.class)
          .forEach(expected::add);
    }
    assertEquals(seen.size(), new HashSet<>(seen).size(), "an event was delivered twice");
    assertTrue(
        new HashSet<>(seen).containsAll(expected),
        "events were missed: " + missing(expected, seen));
    assertEquals(8 * 15 + 1 + 3 * 6 * 2, expected.size());
  }

  @Test
  void rereadingACursorGivesTheSameEvents() {
    String lead = Leads.leadIn("ACCEPTED");
    String cursor = drain(null, new ArrayList<>());
    as(As.SALES)
        .body(Map.of("reason", "NO_BUDGET"))
        .post("/api/v1/leads/" + lead + "/reject")
        .then()
        .statusCode(200);
    String first = as(As.ANALYST).queryParam("after", cursor).get(FEED).asString();
    String again = as(As.ANALYST).queryParam("after", cursor).get(FEED).asString();
    assertEquals(JsonPath.from(first).getList("data.id"), JsonPath.from(again).getList("data.id"));
    as(As.ANALYST)
        .queryParam("after", cursor)
        .get(FEED)
        .then()
        .body("data.type", hasItem("lead.rejected"))
        .body("data.find { it.type == 'lead.rejected' }.data.reason", equalTo("NO_BUDGET"))
        .body("data.find { it.type == 'lead.rejected' }.fromStatus", equalTo("ACCEPTED"))
        .body("data.find { it.type == 'lead.rejected' }.actor.role", equalTo("SALES"));
  }

  @Test
  void anEmptyReadStillGivesACursor() {
    String cursor = drain(null, new ArrayList<>());
    as(As.ANALYST)
        .queryParam("after", cursor)
        .get(FEED)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0))
        .body("nextCursor", notNullValue());
  }

  @Test
  void theTypeFilterKeepsOnlyThoseTypes() {
    String cursor = drain(null, new ArrayList<>());
    String lead = Leads.leadIn("QUALIFIED");
    as(As.SALES)
        .body(Map.of("owner", "o"))
        .post("/api/v1/leads/" + lead + "/accept")
        .then()
        .statusCode(200);
    List<String> types =
        as(As.ANALYST)
            .queryParam("after", cursor)
            .queryParam("types", "lead.accepted")
            .get(FEED)
            .jsonPath()
            .getList("data.type");
    assertTrue(types.contains("lead.accepted"));
    assertTrue(types.stream().allMatch("lead.accepted"::equals));
  }

  @Test
  void aCursorFromAheadOfThisDatabaseIsRefused() {
    String ahead =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("f1:9000000000000:1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    as(As.ANALYST)
        .queryParam("after", ahead)
        .get(FEED)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("after"));
  }

  @Test
  void aForgedCursorOrAnUnknownTypeIsABadRequest() {
    as(As.ANALYST)
        .queryParam("after", "not-a-cursor")
        .queryParam("types", "lead.exploded")
        .queryParam("limit", "0")
        .get(FEED)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("after"))
        .body("errors.field", hasItem("types"))
        .body("errors.field", hasItem("limit"));
  }

  /** Reads until the feed has nothing more, appending event ids; answers the last cursor. */
  private static String drain(String cursor, List<String> seen) {
    for (int reads = 0; reads < 10_000; reads++) {
      int before = seen.size();
      String next = read(cursor, seen, 200);
      if (seen.size() == before && next.equals(cursor)) {
        return next;
      }
      cursor = next;
    }
    throw new AssertionError("the feed never ran dry");
  }

  private static String read(String cursor, List<String> seen, int limit) {
    var request = as(As.ANALYST).queryParam("limit", limit);
    if (cursor != null) {
      request.queryParam("after", cursor);
    }
    JsonPath page = request.get(FEED).then().statusCode(200).extract().jsonPath();
    seen.addAll(page.getList("data.id", String.class));
    return page.getString("nextCursor");
  }

  private String insertEventAndCommitLater(String lead, int delayMillis) throws Exception {
    String eventId = UUID.randomUUID().toString();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_name, actor_role)"
                  + " VALUES (?::uuid, ?::uuid, 'lead.updated', 1, now(), 'feed-test', 'ADMIN')")) {
        insert.setString(1, eventId);
        insert.setString(2, lead);
        insert.executeUpdate();
      }
      Thread.sleep(delayMillis);
      connection.commit();
    }
    return eventId;
  }

  private static Set<String> missing(Set<String> expected, List<String> seen) {
    Set<String> missing = new HashSet<>(expected);
    seen.forEach(missing::remove);
    return missing;
  }
}
