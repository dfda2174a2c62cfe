package dev.baton.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.problem.Problem;
import dev.baton.problem.ProblemType;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Answers, as problem+json with a request id, the requests that the HTTP layer would otherwise
 * refuse on its own with a bare status: a request target that is too long (414) or not a valid URI
 * (400), header fields too large (431), an HTTP version other than 1.x (505), no {@code Host}
 * (400), a path that does not start with {@code /} (404).
 *
 * <p>Netty refuses a request line or header block beyond {@code quarkus.http.limits.*} before any
 * route runs, and Vert.x offers no hook there that Quarkus exposes: those limits are set well above
 * Baton's own, which this class enforces. Quarkus's check of the URI is handed over the same way
 * ({@link dev.baton.Baton}). What is left to the HTTP layer, and why, is in DESIGN.md ("Bare
 * answers").
 *
 * <p>{@link #install} puts the request id, these checks and the answer to a request refused before
 * any route ran on a router: the application's, and the management interface's when it is on.
 */
@ApplicationScoped
public class RequestHeadFilter {

  /** The longest request target Baton reads (the request line of Netty's default, 4 KiB). */
  static final int MAX_URI_LENGTH = 4096;

  /** The most header bytes (names and values) Baton reads (Quarkus's default, 20 KiB). */
  static final int MAX_HEADER_BYTES = 20 * 1024;

  /** The first route of all; {@link BodyLimitFilter} comes right after. */
  static final int ORDER = Integer.MIN_VALUE;

  private final ObjectMapper mapper;

  public RequestHeadFilter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void application(@Observes Router router) {
    install(router);
  }

  void management(@Observes ManagementInterface management) {
    install(management.router());
  }

  /**
   * The first route of all gives the request its id and checks its head, in one handler: Vert.x Web
   * decodes the path to match each further route, and a malformed one would fail there.
   */
  public void install(Router router) {
    router.route().order(ORDER).handler(this::check);
    router.route().order(ORDER).failureHandler(this::refusedBeforeAnyRoute);
    router.errorHandler(400, this::unreadable);
  }

  private void check(RoutingContext context) {
    RequestIdFilter.identify(context);
    HttpServerRequest request = context.request();
    String uri = request.uri();
    if (request.version() == null) {
      refuse(
          context,
          new Problem(
              ProblemType.HTTP_VERSION_NOT_SUPPORTED,
              "Baton speaks HTTP/1.1 (and HTTP/1.0)",
              null));
    } else if (uri.length() > MAX_URI_LENGTH) {
      refuse(
          context,
          new Problem(
              ProblemType.URI_TOO_LONG,
              "The request target exceeds " + MAX_URI_LENGTH + " characters",
              null));
    } else if (!validUri(uri)) {
      refuse(context, malformedUri());
    } else if (headerBytes(request) > MAX_HEADER_BYTES) {
      refuse(
          context,
          new Problem(
              ProblemType.HEADER_FIELDS_TOO_LARGE,
              "The request's header fields exceed " + MAX_HEADER_BYTES + " bytes",
              request.path()));
    } else {
      context.next();
    }
  }

  /** A 400 of Vert.x Web that no handler answered: a path it could not decode while matching. */
  private void unreadable(RoutingContext context) {
    if (!context.response().headWritten()) {
      RequestIdFilter.identify(context);
      refuse(context, malformedUri());
    }
  }

  private static Problem malformedUri() {
    return new Problem(
        ProblemType.BAD_REQUEST,
        "The request target is not a valid URI: a '%' must start a percent-encoding of two"
            + " hexadecimal digits, and spaces, quotes and control characters must be"
            + " percent-encoded",
        null);
  }

  /**
   * Vert.x Web fails a request before its first route when it has no {@code Host} (400) or its path
   * does not start with {@code /} (404). No route ran, so neither did {@link RequestIdFilter}:
   * failures after that are for the handlers behind this one.
   */
  private void refusedBeforeAnyRoute(RoutingContext context) {
    if (context.get(RequestIdFilter.MDC_KEY) != null || context.response().headWritten()) {
      context.next();
      return;
    }
    RequestIdFilter.identify(context);
    Problem problem =
        context.statusCode() == 404
            ? new Problem(ProblemType.NOT_FOUND, "No resource at this path", null)
            : new Problem(
                ProblemType.BAD_REQUEST,
                context.request().authority() == null
                    ? "An HTTP/1.1 request needs a valid Host header"
                    : "The request could not be understood",
                null);
    refuse(context, problem);
  }

  /** Answers the problem and closes the connection: what follows the refused head is not read. */
  private void refuse(RoutingContext context, Problem problem) {
    String body;
    try {
      body = mapper.writeValueAsString(RequestIdFilter.tag(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    context
        .response()
        .setStatusCode(problem.status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(body)
        .onComplete(sent -> context.request().connection().close());
  }

  /** What Quarkus checks when its own check is on (an RFC 2396 URI, as java.net.URI reads it). */
  static boolean validUri(String uri) {
    try {
      new URI(uri);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static long headerBytes(HttpServerRequest request) {
    long bytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      bytes += header.getKey().length() + header.getValue().length() + 2;
    }
    return bytes;
  }
}
