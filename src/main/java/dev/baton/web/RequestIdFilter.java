package dev.baton.web;

import dev.baton.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is sane, a new UUID
 * otherwise. The id goes back in the {@code X-Request-Id} header of every answer, errors and
 * unknown paths included, and into the logging MDC as {@code requestId}, so that every line logged
 * while the request is handled carries it.
 *
 * <p>{@link RequestHeadFilter}, the first route of all, gives the id ahead of its checks, {@link
 * BodyLimitFilter}, authentication and routing to resources. Quarkus handles each request on its
 * own duplicated Vert.x context and keeps the MDC there (VertxMDC): the id follows the request to
 * the worker thread that runs the resource, and goes away with the request.
 */
public final class RequestIdFilter {

  private RequestIdFilter() {}

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  /** What a caller may choose: short, and nothing a log line or a header could be split by. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Gives the request its id, once: a router may hold this route twice, or fail before it. */
  static void identify(RoutingContext request) {
    if (request.get(MDC_KEY) != null) {
      return;
    }
    String id = of(request.request().getHeader(HEADER));
    request.put(MDC_KEY, id);
    MDC.put(MDC_KEY, id);
    request.addHeadersEndHandler(ignored -> request.response().headers().set(HEADER, id));
  }

  /** The caller's id when it is sane, a new one otherwise. */
  static String of(String offered) {
    return offered != null && SANE.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }

  /** The problem, with the id of the request being handled as its member requestId. */
  static Problem tag(Problem problem) {
    String id = current();
    return id == null ? problem : problem.with(MDC_KEY, id);
  }

  /** The id of the request being handled, or null outside of one. */
  public static String current() {
    Object id = MDC.get(MDC_KEY);
    return id == null ? null : id.toString();
  }
}
