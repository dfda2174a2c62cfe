package dev.baton.webhook;

import dev.baton.config.BatonConfig;
import dev.baton.db.BatonClock;
import dev.baton.problem.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends one signed message and reports how the receiver answered. Redirects are not followed, the
 * answer must come within the timeout, at most {@link #BODY_CAP} bytes of the response body are
 * read (and never kept), and the connection goes to the address {@link WebhookUrls} checked.
 */
@ApplicationScoped
public class WebhookSender {

  static final int BODY_CAP = 16 * 1024;

  /** How one attempt went: a status code, or an error when no answer came. */
  public record Outcome(Integer statusCode, int latencyMs, String error, Duration retryAfter) {
    boolean success() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  private final WebhookUrls urls;
  private final Duration timeout;
  private final HttpClient client;
  private final BatonClock clock;

  public WebhookSender(Vertx vertx, WebhookUrls urls, BatonConfig config, BatonClock clock) {
    this.urls = urls;
    this.clock = clock;
    this.timeout = config.webhook().timeout();
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setKeepAlive(false)
                .setMaxPoolSize(64));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /** How long a receiver has to answer; a send returns at most 2 s after that. */
  Duration timeout() {
    return timeout;
  }

  /** Blocks until the answer, the timeout or an error. */
  Outcome send(String url, List<String> secrets, String messageId, String body) {
    long started = System.nanoTime();
    try {
      return deliver(url, secrets, messageId, body, started)
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return new Outcome(null, elapsed(started), describe(e), null);
    }
  }

  private Future<Outcome> deliver(
      String url, List<String> secrets, String messageId, String body, long started) {
    URI uri;
    InetAddress address;
    try {
      uri = URI.create(url);
      address = urls.resolve(uri, "url");
    } catch (ProblemException e) {
      return Future.succeededFuture(
          new Outcome(null, elapsed(started), "address refused: " + e.getMessage(), null));
    }
    long timestamp = clock.now().getEpochSecond();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(url)
            .setServer(
                SocketAddress.inetSocketAddress(WebhookUrls.port(uri), address.getHostAddress()))
            .setFollowRedirects(false)
            .setTimeout(timeout.toMillis())
            .putHeader("content-type", "application/json")
            .putHeader("user-agent", "Baton-Webhooks/1")
            .putHeader("webhook-id", messageId)
            .putHeader("webhook-timestamp", Long.toString(timestamp))
            .putHeader("webhook-signature", Signatures.header(secrets, messageId, timestamp, body));
    return client
        .request(options)
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(
            response -> {
              Promise<Outcome> done = Promise.promise();
              Outcome outcome =
                  new Outcome(
                      response.statusCode(),
                      elapsed(started),
                      response.statusCode() < 300 ? null : "HTTP " + response.statusCode(),
                      retryAfter(response.getHeader("retry-after")));
              long[] read = {0};
              try {
                response.handler(
                    chunk -> {
                      read[0] += chunk.length();
                      if (read[0] > BODY_CAP) {
                        response.request().reset();
                        done.tryComplete(outcome);
                      }
                    });
              } catch (IllegalStateException ended) {
                // The whole (short) response arrived before this ran: Vert.x refuses a handler
                // on a response that ended. The answer is complete.
                return Future.succeededFuture(outcome);
              }
              // end() also completes when the (empty) body ended before this line ran.
              response.end().onComplete(end -> done.tryComplete(outcome));
              return done.future();
            })
        .recover(
            error ->
                Future.succeededFuture(new Outcome(null, elapsed(started), describe(error), null)));
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null; // an HTTP date is not honoured; the schedule applies
    }
  }

  private static String describe(Throwable error) {
    Throwable cause =
        error.getCause() != null && error.getMessage() == null ? error.getCause() : error;
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.length() > 300 ? message.substring(0, 300) : message;
  }

  private static int elapsed(long started) {
    return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
