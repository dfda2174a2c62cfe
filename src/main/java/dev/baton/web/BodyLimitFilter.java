package dev.baton.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.config.BatonConfig;
import dev.baton.problem.Problem;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body announced larger than {@code baton.max-body-size} with a problem+json 413, before
 * any of it is read. Bodies sent without a length are counted while read ({@link
 * StrictJsonReader}).
 */
@ApplicationScoped
public class BodyLimitFilter {

  private final long limit;
  private final ObjectMapper mapper;

  public BodyLimitFilter(BatonConfig config, ObjectMapper mapper) {
    this.limit = config.maxBodySize().asLongValue();
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(RequestHeadFilter.ORDER + 1)
        .handler(
            context -> {
              String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLarge(length) && !isImport(context.request())) {
                context
                    .response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem(context.request().path()));
              } else {
                context.next();
              }
            });
  }

  /**
   * An import's file is streamed to the database as it comes, whatever its size: its own limit
   * (BATON_IMPORTS_MAX_SIZE) is counted while it is read.
   */
  private static boolean isImport(io.vertx.core.http.HttpServerRequest request) {
    return request.method() == io.vertx.core.http.HttpMethod.POST
        && "/api/v1/imports".equals(request.path());
  }

  long limit() {
    return limit;
  }

  static ProblemException tooLarge(long limit) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + limit + " bytes");
  }

  private String problem(String path) {
    try {
      return mapper.writeValueAsString(RequestIdFilter.tag(tooLarge(limit).toProblem(path)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean tooLarge(String length) {

    try {
      return Long.parseLong(length.strip()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
