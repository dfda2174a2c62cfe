package dev.baton.routing;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Teams;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leads handed off in parallel are shared exactly: by weight, within capacity, never to someone
 * away. {@code ReplicasIT} plays the same through two replicas.
 */
@QuarkusTest
class FairAssignmentTest {

  @AfterEach
  void routingOff() {
    Teams.noRouting();
  }

  @Test
  void aThousandParallelLeadsAreSharedByWeightWithinOneLead() throws Exception {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (int weight = 1; weight <= 4; weight++) {
      weights.put(Teams.member("w" + weight), weight);
    }
    String away = Teams.member("away", Map.of("awayUntil", "2099-01-01T00:00:00Z"));
    Map<String, Integer> seats = new LinkedHashMap<>(weights);
    seats.put(away, 5);
    Teams.routing(List.of(), Teams.queue("fair", seats));

    handOffInParallel(1000);

    weights.forEach(
        (member, weight) -> {
          long waiting = waiting(member);
          assertTrue(
              Math.abs(waiting - 100L * weight) <= 1,
              member + " of weight " + weight + " got " + waiting + " of 1000");
        });
    assertEquals(0, waiting(away), "away until 2099");
  }

  @Test
  void nobodyExceedsTheirCapacityUnderParallelHandoffs() throws Exception {
    String capped = Teams.member("capped", Map.of("maxOpen", 20));
    String daily = Teams.member("daily", Map.of("maxPerDay", 10));
    String open = Teams.member("open");
    Teams.routing(List.of(), Teams.queue("caps", Map.of(capped, 10, daily, 10, open, 1)));

    handOffInParallel(80);

    assertEquals(20, waiting(capped));
    assertEquals(10, waiting(daily));
    assertEquals(50, waiting(open));
  }

  private static long waiting(String member) {
    return as(As.ANALYST)
        .get("/api/v1/members/" + member)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("waiting");
  }

  private static void handOffInParallel(int leads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < leads; i++) {
        answers.add(
            pool.submit(
                () ->
                    as(As.MARKETING)
                        .body(Leads.body(Leads.uniqueSource(), "QUALIFIED"))
                        .post(Leads.LEADS)
                        .statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(201, answer.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
