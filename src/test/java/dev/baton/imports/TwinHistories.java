package dev.baton.imports;

import static dev.baton.testing.Api.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import dev.baton.testing.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The same generated histories twice: played live through the API on a stopped clock (source {@code
 * live}), and written as the rows of an import file with the same times (source {@code imported}).
 * Both must end up as the same figures.
 */
final class TwinHistories {

  /**
   * Paths: a status to hand off in, then moves; {@code wait} lets 30 hours pass (a late answer).
   */
  private static final List<List<String>> PATHS =
      List.of(
          List.of("GENERATED", "qualify", "accept", "convert"),
          List.of("QUALIFIED", "accept", "reject:NO_NEED"),
          List.of("QUALIFIED", "reject:NOT_ICP", "recycle", "qualify", "accept"),
          List.of("GENERATED", "reject:NO_BUDGET", "recycle", "qualify"),
          List.of("QUALIFIED"),
          List.of("GENERATED"),
          List.of("QUALIFIED", "wait", "accept", "convert"),
          List.of("QUALIFIED", "reject:EXISTING_CUSTOMER"),
          List.of("GENERATED", "qualify", "wait", "reject:UNRESPONSIVE", "recycle"));

  final String live = Leads.uniqueSource();
  final String imported = Leads.uniqueSource();
  final StringBuilder file = new StringBuilder();
  final List<String> liveIds = new ArrayList<>();

  private final ObjectMapper json = new ObjectMapper();

  /** Plays {@code leads} histories from {@code start} live, and writes them to {@link #file}. */
  TwinHistories(int leads, long seed, TestClock clock, Instant start) throws Exception {
    Random random = new Random(seed);
    for (int i = 0; i < leads; i++) {
      List<String> path = PATHS.get(i < PATHS.size() ? i : random.nextInt(PATHS.size()));
      // Each lead's past starts ten minutes after the one before it, and runs at its own pace.
      Instant now = start.plusSeconds(600L * i + random.nextInt(600));
      clock.stoppedAt(now);
      Map<String, Object> body = Leads.body(live, path.get(0));
      String id = Leads.handOff(body);
      liveIds.add(id);
      Map<String, Object> row = Leads.body(imported, path.get(0));
      row.put("handedOffAt", now.toString());
      List<Map<String, Object>> moves = new ArrayList<>();
      List<Map<String, Object>> feedback = new ArrayList<>();
      for (String step : path.subList(1, path.size())) {
        if (step.equals("wait")) {
          now = now.plusSeconds(30 * 3600);
          continue;
        }
        now = now.plusSeconds(1 + random.nextInt(600));
        clock.stoppedAt(now);
        Map<String, Object> move = move(step, random);
        Map<String, Object> input = new LinkedHashMap<>(move);
        String action = (String) input.remove("action");
        As role = action.equals("qualify") || action.equals("recycle") ? As.MARKETING : As.SALES;
        var answer = Leads.move(as(role), id, action, input);
        if (answer.statusCode() != 200) {
          throw new AssertionError(step + ": " + answer.asString());
        }
        move.put("at", now.toString());
        moves.add(move);
        if (random.nextInt(3) == 0) {
          int rating = 1 + random.nextInt(5);
          as(As.SALES)
              .body(Map.of("rating", rating))
              .post(Leads.LEADS + "/" + id + "/feedback")
              .then()
              .statusCode(201);
          feedback.add(Map.of("at", now.toString(), "rating", rating));
        }
      }
      row.put("moves", moves);
      row.put("feedback", feedback);
      file.append(json.writeValueAsString(row)).append('\n');
    }
  }

  private static Map<String, Object> move(String step, Random random) {
    String[] parts = step.split(":");
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("action", parts[0]);
    switch (parts[0]) {
      case "accept" -> move.put("owner", "rep" + random.nextInt(3));
      case "reject" -> move.put("reason", parts[1]);
      case "convert" -> {
        move.put("amount", BigDecimal.valueOf(10_000 + random.nextInt(9_000_000), 2));
        move.put("currency", random.nextBoolean() ? "EUR" : "USD");
      }
      default -> {}
    }
    return move;
  }
}
