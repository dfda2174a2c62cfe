package dev.baton.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver of our own on 127.0.0.1: records every request (headers, body, arrival time),
 * counts attempts per webhook-id and answers as the test tells it to. It verifies signatures with
 * the Standard Webhooks algorithm, written here independently of Baton's code. Public for the
 * generated-client tests, which receive deliveries with it.
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Message(
      String path, String id, String timestamp, String signature, String body, Instant at) {

    public JsonPath json() {
      return new JsonPath(body);
    }

    public String leadId() {
      return json().getString("data.leadId");
    }

    public String type() {
      return json().getString("type");
    }

    public long leadVersion() {
      return json().getLong("data.leadVersion");
    }
  }

  /** How to answer: status, headers, a body of {@code bodyBytes} bytes of text, after a delay. */
  public record Reply(
      int status, Map<String, String> headers, String body, long bodyBytes, long delayMs) {

    public static Reply status(int status) {
      return new Reply(status, Map.of(), null, 0, 0);
    }

    public Reply header(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Reply(status, all, body, bodyBytes, delayMs);
    }

    public Reply body(String text) {
      return new Reply(status, headers, text, 0, delayMs);
    }

    /** A body of {@code bytes} bytes, streamed. */
    public Reply huge(long bytes) {
      return new Reply(status, headers, null, bytes, delayMs);
    }

    public Reply after(long millis) {
      return new Reply(status, headers, body, bodyBytes, millis);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();

  /** (message, how many times this webhook-id arrived, 1 the first time) → the answer. */
  private volatile BiFunction<Message, Integer, Reply> responder = (m, n) -> Reply.status(204);

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of {@code /hook}. */
  public String url() {
    return url("/hook");
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public Receiver answer(BiFunction<Message, Integer, Reply> responder) {
    this.responder = responder;
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var headers = exchange.getRequestHeaders();
      Message message =
          new Message(
              exchange.getRequestURI().getPath(),
              headers.getFirst("webhook-id"),
              headers.getFirst("webhook-timestamp"),
              headers.getFirst("webhook-signature"),
              body,
              Instant.now());
      messages.add(message);
      int attempt =
          message.id() == null
              ? 1
              : attemptsById
                  .computeIfAbsent(message.id(), k -> new AtomicInteger())
                  .incrementAndGet();
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
        }
      } else if (reply.body() != null) {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
      } else {
        exchange.sendResponseHeaders(reply.status(), -1);
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

  /** Waits until at least {@code count} requests match, and answers them all. */
  public List<Message> await(Predicate<Message> filter, int count, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      List<Message> matching = where(filter);
      if (matching.size() >= count) {
        return matching;
      }
      Thread.sleep(50);
    }
    List<Message> matching = where(filter);
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

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------
  // Standard Webhooks verification
  // ---------------------------------------------------------------------------------------------

  /** The base64 v1 signatures carried by a webhook-signature header. */
  public static List<String> signatures(Message message) {
    assertTrue(message.signature() != null, "no webhook-signature header");
    List<String> all = new ArrayList<>();
    for (String part : message.signature().split(" ")) {
      assertTrue(part.startsWith("v1,"), "not a v1 signature: " + part);
      all.add(part.substring(3));
    }
    return all;
  }

  /** HMAC-SHA256 of id.timestamp.body keyed with the base64-decoded part after whsec_. */
  public static String expected(String secret, Message message) {
    assertTrue(secret.startsWith("whsec_"), secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      byte[] signed =
          mac.doFinal(
              (message.id() + "." + message.timestamp() + "." + message.body())
                  .getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signed);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** True when one of the message's signatures is the one {@code secret} makes. */
  public static boolean signedWith(String secret, Message message) {
    byte[] want = expected(secret, message).getBytes(StandardCharsets.US_ASCII);
    return signatures(message).stream()
        .anyMatch(s -> MessageDigest.isEqual(want, s.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Verifies a message as a Standard Webhooks receiver would, tolerating 5 minutes of skew. */
  public static void verify(String secret, Message message) {
    assertTrue(message.id() != null && !message.id().isBlank(), "no webhook-id");
    assertTrue(message.timestamp() != null, "no webhook-timestamp");
    long timestamp = Long.parseLong(message.timestamp());
    long now = Instant.now().getEpochSecond();
    assertTrue(Math.abs(now - timestamp) < 300, "webhook-timestamp too far from now: " + timestamp);
    assertTrue(signedWith(secret, message), "signature does not verify: " + message);
  }

  public static void assertSameDelivery(Message first, Message again) {
    assertEquals(first.id(), again.id(), "webhook-id must be stable across attempts");
    assertEquals(first.body(), again.body(), "the payload must be the same at every attempt");
  }
}
