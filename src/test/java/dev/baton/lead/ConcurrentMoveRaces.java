package dev.baton.lead;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Races of many clients on one lead, shared by the concurrency tests. */
final class ConcurrentMoveRaces {

  static final int CLIENTS = 20;

  /** What one racing client sent and got back. */
  record Outcome(int client, int status, JsonPath body) {}

  private ConcurrentMoveRaces() {}

  /**
   * Sends {@code CLIENTS} requests at once: every thread builds its request, waits at the gate, and
   * all are released together.
   */
  static List<Outcome> race(IntFunction<Callable<Response>> request) throws Exception {
    // Resolve the API keys before the race, so that no client waits on another for its key.
    for (As role : As.values()) {
      Api.key(role);
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch ready = new CountDownLatch(CLIENTS);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        int client = i;
        Callable<Response> send = request.apply(client);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  gate.await();
                  Response response = send.call();
                  return new Outcome(client, response.statusCode(), response.jsonPath());
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "all clients ready");
      gate.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Outcome> withStatus(List<Outcome> outcomes, int status) {
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }

  static JsonPath history(String id) {
    return Leads.history(id).then().statusCode(200).extract().jsonPath();
  }

  static String statuses(List<Outcome> outcomes) {
    return outcomes.stream().map(o -> o.client() + ":" + o.status()).toList().toString();
  }
}
