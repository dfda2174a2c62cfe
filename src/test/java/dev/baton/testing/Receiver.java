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
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A webhook receiver of our own on 127.0.0.1: records every request (headers, body, arrival time),
 * counts attempts per webhook-id, notices a webhook-id sent again while still being answered, and
 * answers as the test tells it to. It verifies signatures with the Standard Webhooks algorithm,
 * written here independently of Baton's code. Public for the generated-client tests, which receive
 * deliveries with it.
 *
 * <p>A JUnit extension: {@code @RegisterExtension final Receiver receiver = new Receiver();}
 * listens for each test, a {@code static} field for the whole class. Where a test needs one more,
 * {@code try (Receiver second = new Receiver().start())}.
 */
public final class Receiver
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback {

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

  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final Set<String> answered = ConcurrentHashMap.newKeySet();

  /** Notified at each arrival, so that waiting needs no polling. */
  private final Object arrivals = new Object();

  private int threadCount;
  private volatile HttpServer server;
  private ExecutorService pool;
  private boolean closed;

  /** Started by {@link #beforeAll}: then it outlives each test and stops with the class. */
  private boolean forTheClass;

  /** (message, how many times this webhook-id arrived, 1 the first time) → the answer. */
  private volatile BiFunction<Message, Integer, Reply> responder = (m, n) -> Reply.status(204);

  /**
   * Answers {@code count} requests at a time, the rest waiting for a thread, instead of one thread
   * per request. Before it starts.
   */
  public synchronized Receiver threads(int count) {
    if (server != null) {
      throw new IllegalStateException("already listening");
    }
    threadCount = count;
    return this;
  }

  /** Listens on a free port; does nothing when already listening. */
  public synchronized Receiver start() throws IOException {
    if (closed) {
      throw new IllegalStateException("closed: a new Receiver listens again");
    }
    if (server == null) {
      pool =
          threadCount > 0
              ? Executors.newFixedThreadPool(threadCount)
              : Executors.newCachedThreadPool();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(pool);
      server.createContext("/", this::handle);
      server.start();
    }
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    forTheClass = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!forTheClass) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** The URL of {@code /hook}. */
  public String url() {
    return url("/hook");
  }

  public String url(String path) {
    if (server == null) {
      throw new IllegalStateException("not listening: register it as an extension or start() it");
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public Receiver answer(BiFunction<Message, Integer, Reply> responder) {
    this.responder = responder;
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
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

  /** Stops listening and interrupts the answers under way; closing twice is harmless. */
  @Override
  public synchronized void close() {
    if (server != null && !closed) {
      server.stop(0);
      pool.shutdownNow();
    }
    closed = true;
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
