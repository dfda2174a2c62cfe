package dev.baton.reports;

import static dev.baton.testing.Api.as;

import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated history for the figures to be recomputed from: leads of one source of their own, each
 * played through the API along one of the funnel's paths (drawn with a fixed seed), with feedback
 * ratings, disputes upheld and overturned after a rejection from QUALIFIED and from ACCEPTED,
 * recycles after overturns, and personal-data erasures in between.
 */
final class PlayedHistory {

  /** The paths, as steps: a status to hand off in, then moves. */
  private static final List<List<String>> PATHS =
      List.of(
          List.of("GENERATED", "qualify", "accept", "convert"),
          List.of("QUALIFIED", "accept", "reject:UNRESPONSIVE", "dispute", "overturn"),
          List.of(
              "QUALIFIED", "reject:NOT_ICP", "dispute", "uphold", "recycle", "qualify", "accept"),
          List.of(
              "QUALIFIED", "reject:SPAM", "dispute", "overturn", "reject:BAD_TIMING", "recycle"),
          List.of("GENERATED", "reject:NO_BUDGET", "recycle", "qualify"),
          List.of(
              "QUALIFIED", "accept", "reject:NO_NEED", "dispute", "overturn", "accept", "convert"),
          List.of("QUALIFIED", "accept", "reject:CHOSE_COMPETITOR", "recycle", "qualify", "accept"),
          List.of("QUALIFIED"),
          List.of("GENERATED"),
          List.of("QUALIFIED", "reject:EXISTING_CUSTOMER"));

  private PlayedHistory() {}

  /** Plays {@code leads} leads of a new source; answers the source and the ids. */
  static Played play(int leads, long seed) {
    return play(leads, seed, null, null);
  }

  /**
   * The same, on Baton's clock stopped at {@code start} and moved on by up to ten minutes before
   * every step, so that every duration is known to the second.
   */
  static Played play(int leads, long seed, TestClock clock, Instant start) {
    Random random = new Random(seed);
    Instant[] now = {start};
    Runnable tick =
        () -> {
          if (clock != null) {
            now[0] = now[0].plusSeconds(1 + random.nextInt(600));
            clock.stoppedAt(now[0]);
          }
        };
    String source = Leads.uniqueSource();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      List<String> path = PATHS.get(i < PATHS.size() ? i : random.nextInt(PATHS.size()));
      Map<String, Object> body = Leads.body(source, path.get(0));
      tick.run();
      String id = Leads.handOff(body);
      ids.add(id);
      for (String step : path.subList(1, path.size())) {
        tick.run();
        play(id, step, random);
        if (random.nextInt(4) == 0) {
          as(As.SALES)
              .body(Map.of("rating", 1 + random.nextInt(5)))
              .post(Leads.LEADS + "/" + id + "/feedback")
              .then()
              .statusCode(201);
        }
      }
      if (random.nextInt(5) == 0) {
        // Erased between the other leads' moves (an erased lead is not recycled again).
        as(As.ADMIN).delete(Leads.LEADS + "/" + id + "/personal-data").then().statusCode(200);
      }
    }
    return new Played(source, ids);
  }

  record Played(String source, List<String> ids) {}

  private static void play(String id, String step, Random random) {
    String[] parts = step.split(":");
    switch (parts[0]) {
      case "qualify" -> move(As.MARKETING, id, "qualify", Map.of());
      case "accept" -> move(As.SALES, id, "accept", Map.of("owner", "rep" + random.nextInt(3)));
      case "reject" ->
          move(
              parts[1].equals("NO_BUDGET") ? As.MARKETING : As.SALES,
              id,
              "reject",
              Map.of("reason", parts[1]));
      case "convert" -> {
        String[] currencies = {"EUR", "USD"};
        move(
            As.SALES,
            id,
            "convert",
            Map.of(
                "amount",
                BigDecimal.valueOf(10_000 + random.nextInt(9_000_000), 2),
                "currency",
                currencies[random.nextInt(2)]));
      }
      case "recycle" -> move(As.MARKETING, id, "recycle", Map.of());
      case "dispute" -> move(As.MARKETING, id, "dispute", Map.of("note", "Our ICP"));
      case "uphold" -> move(As.SALES, id, "dispute/resolve", Map.of("outcome", "UPHELD"));
      case "overturn" -> move(As.SALES, id, "dispute/resolve", Map.of("outcome", "OVERTURNED"));
      default -> throw new IllegalArgumentException(step);
    }
  }

  private static void move(As role, String id, String action, Map<String, ?> input) {
    var answer = Leads.move(as(role), id, action, input);
    if (answer.statusCode() != 200) {
      throw new AssertionError(action + " " + input + ": " + answer.asString());
    }
  }
}
