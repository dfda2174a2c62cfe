package dev.baton.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import dev.baton.testing.Receiver.Message;
import dev.baton.testing.Receiver.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What a {@link Receiver} does with each request: records it (headers, body, arrival time), counts
 * attempts per webhook-id, notices a webhook-id sent again while still being answered, and answers
 * as the test told it to. And what tests ask of the requests that arrived, waiting for those that
 * have not yet.
 */
public abstract sealed class Inbox permits Receiver {

  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final Set<String> answered = ConcurrentHashMap.newKeySet();

  /** Notified at each arrival, so that waiting needs no polling. */
  private final Object arrivals = new Object();

  /** (message, how many times this webhook-id arrived, 1 the first time) → the answer. */
  private volatile BiFunction<Message, Integer, Reply> responder = (m, n) -> Reply.status(204);

  /** How to answer from now on. */
  void answerWith(BiFunction<Message, Integer, Reply> responder) {
    this.responder = responder;
  }

  void handle(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    // From the first byte to the last of the answer: the window a second send must not overlap.
    boolean tracked = id != null;
    if (tracked && !inFlight.add(id)) {
      overlaps.incrementAndGet();
      tracked = false;
    }
    try {
      respond(exchange, id);
    } finally {
      if (tracked) {
        inFlight.remove(id);
      }
    }
  }

  private void respond(HttpExchange exchange, String id) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var headers = exchange.getRequestHeaders();
      Message message =
          new Message(
              exchange.getRequestURI().getPath(),
              id,
              headers.getFirst("webhook-timestamp"),
              headers.getFirst("webhook-signature"),
              body,
              Instant.now());
      int attempt =
          id == null
              ? 1
              : attemptsById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      messages.add(message);
      synchronized (arrivals) {
        arrivals.notifyAll();
      }
      Reply reply = responder.apply(message, attempt);
      if (reply.delayMs() > 0) {
        try {
          Thread.sleep(reply.delayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (reply.bodyBytes() > 0) {
        exchange.sendResponseHeaders(reply.status(), reply.bodyBytes());
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
          long left = reply.bodyBytes();
          while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            left -= n;
          }
        } catch (IOException e) {
          // Baton stops reading after a small cap and resets: expected.
          return;
        }
      } else if (reply.body() != null) {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
      } else {
        exchange.sendResponseHeaders(reply.status(), -1);
      }
      if (id != null) {
        answered.add(id);
      }
    } catch (IOException e) {
      // the sender gave up (timeout): nothing to answer to
    }
  }

  /** Every request so far, in order of arrival. */
  public List<Message> all() {
    return new ArrayList<>(messages);
  }

  public List<Message> where(Predicate<Message> filter) {
    return messages.stream().filter(filter).toList();
  }

  public List<Message> forLead(String leadId) {
    return where(m -> m.body().contains(leadId) && leadId.equals(m.leadId()));
  }

  /** How many times a request with this webhook-id arrived. */
  public int attempts(String id) {
    AtomicInteger count = attemptsById.get(id);
    return count == null ? 0 : count.get();
  }

  /** The webhook-ids that arrived, each once however many times it was sent. */
  public Set<String> ids() {
    Set<String> ids = new HashSet<>();
    messages.forEach(m -> ids.add(m.id()));
    return ids;
  }

  /** The webhook-ids whose answer was written in full: sends the sender saw through. */
  public Set<String> answered() {
    return Set.copyOf(answered);
  }

  /** How many times a webhook-id arrived while an earlier request with it was still answering. */
  public int overlaps() {
    return overlaps.get();
  }

  /** Waits until at least {@code count} requests match, and answers them all. */
  public List<Message> await(Predicate<Message> filter, int count, int seconds)
      throws InterruptedException {
    List<Message> matching = waitFor(filter, count, seconds);
    if (matching.size() < count) {
      fail(
          "expected "
              + count
              + " matching requests within "
              + seconds
              + " s, got "
              + matching.size()
              + ": "
              + matching);
    }
    return matching;
  }

  /**
   * Waits up to {@code seconds} for {@code count} requests to match, and answers those that did,
   * however many: for a test that expects fewer.
   */
  public List<Message> waitFor(Predicate<Message> filter, int count, int seconds)
      throws InterruptedException {
    waitUntil(() -> where(filter).size() >= count, seconds);
    return where(filter);
  }

  /** Waits until every one of {@code ids} has arrived at least once. */
  public void awaitIds(Collection<String> ids, int seconds) throws InterruptedException {
    if (!waitUntil(() -> ids().containsAll(ids), seconds)) {
      Set<String> missing = new HashSet<>(ids);
      missing.removeAll(ids());
      fail(
          missing.size()
              + " of "
              + ids.size()
              + " webhook-ids not arrived within "
              + seconds
              + " s");
    }
  }

  private boolean waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (arrivals) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(arrivals, left);
      }
      return true;
    }
  }
}
