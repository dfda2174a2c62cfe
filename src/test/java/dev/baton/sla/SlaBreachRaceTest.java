package dev.baton.sla;

import static dev.baton.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lead.SlaBreachJob;
import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.Overdue;
import dev.baton.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The breach job runs on every replica, every second here, and sales may answer an overdue lead
 * while it runs: however they interleave, each breach is recorded exactly once.
 */
@QuarkusTest
class SlaBreachRaceTest {

  private static final int LEADS = 50;
  private static final int JOBS = 4;

  @Inject AgroalDataSource database;
  @Inject SlaBreachJob breaches;
  @Inject TestClock clock;

  @Test
  void breachJobsRunningAtOnceRecordEachBreachOnce() throws Exception {
    List<String> leads = Overdue.handedOff(clock, () -> qualifiedLeads(LEADS));

    // Several jobs at once, besides the scheduled one.
    List<Integer> recorded = race(JOBS, i -> breaches::breachDue);

    Overdue.awaitNonePending(database, leads, Duration.ofSeconds(20));
    int byThreads = recorded.stream().mapToInt(Integer::intValue).sum();
    assertTrue(byThreads <= LEADS, "the racing jobs recorded " + byThreads);
    assertEquals(once(leads), Overdue.breachEvents(database, leads));
    for (String id : leads) {
      JsonPath lead = Leads.get(id).jsonPath();
      assertEquals("BREACHED", lead.getString("sla.state"), id);
      assertEquals(2, lead.getLong("version"), "handed off, then breached once: " + id);
      assertEquals(List.of("lead.created", "lead.sla_breached"), Leads.historyTypes(id), id);
    }
  }

  @Test
  void lateAnswersRacingTheJobRecordEachBreachOnce() throws Exception {
    Api.key(As.SALES);
    List<String> leads = Overdue.handedOff(clock, () -> qualifiedLeads(30));

    // Every lead is answered (half accepted, half rejected) while two more jobs run.
    List<Object> outcomes =
        race(
            leads.size() + 2,
            i -> {
              if (i >= leads.size()) {
                return breaches::breachDue;
              }
              String id = leads.get(i);
              return i % 2 == 0
                  ? () -> answer(Leads.move(as(As.SALES), id, "accept", Map.of("owner", "o")))
                  : () ->
                      answer(Leads.move(as(As.SALES), id, "reject", Map.of("reason", "NO_NEED")));
            });
    for (int i = 0; i < leads.size(); i++) {
      assertEquals(200, outcomes.get(i), "the answer to " + leads.get(i));
    }

    Overdue.awaitNonePending(database, leads, Duration.ofSeconds(20));
    // The job, run again after the answers, finds nothing left to record.
    breaches.breachDue();
    assertEquals(once(leads), Overdue.breachEvents(database, leads));
    for (int i = 0; i < leads.size(); i++) {
      String id = leads.get(i);
      JsonPath lead = Leads.get(id).jsonPath();
      assertEquals(i % 2 == 0 ? "ACCEPTED" : "REJECTED", lead.getString("status"), id);
      assertEquals("BREACHED", lead.getString("sla.state"), id);
      assertNotNull(lead.getString("sla.decidedAt"), id);
      List<String> types = Leads.historyTypes(id);
      assertEquals(3, types.size(), id + ": " + types);
      assertEquals("lead.sla_breached", types.get(1), id + ": " + types);
    }
  }

  private static Object answer(Response response) {
    return response.statusCode();
  }

  private static Map<String, Integer> once(List<String> leads) {
    return leads.stream().collect(Collectors.toMap(Function.identity(), id -> 1));
  }

  private static List<String> qualifiedLeads(int count) {
    List<String> leads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leads.add(Leads.handOff(Leads.body(Leads.uniqueSource(), "QUALIFIED")));
    }
    return leads;
  }

  /** Runs {@code tasks} tasks released together; answers their results in order. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> race(int tasks, java.util.function.IntFunction<Callable<?>> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks);
    try {
      CountDownLatch ready = new CountDownLatch(tasks);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        Callable<?> work = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  gate.await();
                  return work.call();
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS));
      gate.countDown();
      List<T> results = new ArrayList<>();
      for (Future<?> future : futures) {
        results.add((T) future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
