package dev.baton.reason;

import static dev.baton.reason.RejectionReasonCalls.REASONS;
import static dev.baton.reason.RejectionReasonCalls.find;
import static dev.baton.reason.RejectionReasonCalls.list;
import static dev.baton.reason.RejectionReasonCalls.reason;
import static dev.baton.reason.RejectionReasonCalls.uniqueCode;
import static dev.baton.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Creating reasons: who may, the defaults they get, and one reason per code even under races. */
@QuarkusTest
class RejectionReasonCreationTest {

  @Test
  void adminCreatesAReason() {
    String code = uniqueCode();
    as(As.ADMIN)
        .body(reason(code, "SALES", true))
        .post(REASONS)
        .then()
        .statusCode(201)
        .header("Location", endsWith(REASONS + "/" + code))
        .body("code", equalTo(code))
        .body("label", equalTo("Label of " + code))
        .body("accountable", equalTo("SALES"))
        .body("requiresNote", equalTo(true))
        .body("active", equalTo(true));

    Map<String, Object> listed = find(list(null), code);
    assertEquals(
        Map.of(
            "code",
            code,
            "label",
            "Label of " + code,
            "accountable",
            "SALES",
            "requiresNote",
            true,
            "active",
            true),
        listed);
  }

  @Test
  void aNewReasonRequiresNoNoteByDefault() {
    String code = uniqueCode();
    as(As.ADMIN)
        .body(reason(code, "NONE", null))
        .post(REASONS)
        .then()
        .statusCode(201)
        .body("requiresNote", equalTo(false));
  }

  @Test
  void onlyAdminsCreateReasons() {
    for (As role : List.of(As.MARKETING, As.SALES, As.ANALYST)) {
      String code = uniqueCode();
      as(role)
          .body(reason(code, "NONE", false))
          .post(REASONS)
          .then()
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:baton:problem:forbidden"));
      assertEquals(null, find(list(null), code));
    }
  }

  @Test
  void aDuplicateCodeIsAConflict() {
    String code = uniqueCode();
    as(As.ADMIN).body(reason(code, "SALES", false)).post(REASONS).then().statusCode(201);
    as(As.ADMIN)
        .body(reason(code, "MARKETING", true))
        .post(REASONS)
        .then()
        .statusCode(409)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(409))
        .body("detail", containsString(code));
    Map<String, Object> kept = find(list(null), code);
    assertEquals("SALES", kept.get("accountable"));
    assertEquals(false, kept.get("requiresNote"));
  }

  @Test
  void aSeededCodeCannotBeCreatedAgain() {
    as(As.ADMIN)
        .body(reason("NOT_ICP", "NONE", true))
        .post(REASONS)
        .then()
        .statusCode(409)
        .contentType(startsWith("application/problem+json"));
    assertEquals("MARKETING", find(list(null), "NOT_ICP").get("accountable"));
  }

  @Test
  void concurrentCreatesOfOneCodeMakeOneReasonAndNoServerError() throws Exception {
    int clients = 20;
    Api.key(As.ADMIN);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      // A few rounds, so that the race window between "exists?" and "insert" is really hit.
      for (int round = 0; round < 5; round++) {
        String code = uniqueCode();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          var request = as(As.ADMIN).body(reason(code, "NONE", false));
          statuses.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    gate.await();
                    return request.post(REASONS).statusCode();
                  }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS));
        gate.countDown();
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
          answered.add(status.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1, answered.stream().filter(s -> s == 201).count(), answered.toString());
        assertEquals(
            clients - 1,
            answered.stream().filter(s -> s == 409).count(),
            "the others are told the code exists, never a 500: " + answered);
        assertEquals(
            1, list(null).<String>getList("data.code").stream().filter(code::equals).count());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
