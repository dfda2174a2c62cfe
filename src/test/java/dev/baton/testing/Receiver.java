package dev.baton.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A webhook receiver of our own on 127.0.0.1: records every request (headers, body, arrival time),
 * counts attempts per webhook-id, notices a webhook-id sent again while still being answered, and
 * answers as the test tells it to (see {@link Inbox}). {@link StandardWebhooks} verifies the
 * signatures of what it receives. Public for the generated-client tests, which receive deliveries
 * with it.
 *
 * <p>A JUnit extension: {@code @RegisterExtension final Receiver receiver = new Receiver();}
 * listens for each test, a {@code static} field for the whole class. Where a test needs one more,
 * {@code try (Receiver second = new Receiver().start())}.
 */
public final class Receiver extends Inbox
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

  private int threadCount;
  private volatile HttpServer server;
  private ExecutorService pool;
  private boolean closed;

  /** Started by {@link #beforeAll}: then it outlives each test and stops with the class. */
  private boolean forTheClass;

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
    answerWith(responder);
    return this;
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

  public static void assertSameDelivery(Message first, Message again) {
    assertEquals(first.id(), again.id(), "webhook-id must be stable across attempts");
    assertEquals(first.body(), again.body(), "the payload must be the same at every attempt");
  }
}
