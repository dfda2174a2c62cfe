package dev.baton.web;

import dev.baton.db.DatabaseFailures;
import dev.baton.problem.Problem;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problem+json responses. */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  private final SecurityIdentity identity;

  public ProblemMapper(SecurityIdentity identity) {
    this.identity = identity;
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response.ResponseBuilder response = respond(e.toProblem(path(uri)));
    e.headers().forEach(response::header);
    return response.build();
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field));
    return problem(ProblemException.invalid(errors), uri);
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    return respond(
            new Problem(
                ProblemType.UNAUTHORIZED,
                "A valid API key is required: send it as 'Authorization: Bearer <key>'",
                path(uri)))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    String role = identity.getRoles().stream().findFirst().orElse("none");
    return respond(
            new Problem(
                ProblemType.FORBIDDEN,
                "An API key with role " + role + " may not use this endpoint",
                path(uri)))
        .build();
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.ResponseBuilder response =
        respond(
            switch (status) {
              case 404 -> new Problem(ProblemType.NOT_FOUND, "No resource at this path", path(uri));
              case 405 ->
                  new Problem(
                      ProblemType.METHOD_NOT_ALLOWED,
                      "This path does not accept this HTTP method",
                      path(uri));
              case 406 ->
                  new Problem(
                      ProblemType.NOT_ACCEPTABLE,
                      "Baton answers with application/json or application/problem+json only",
                      path(uri));
              case 413 ->
                  new Problem(
                      ProblemType.PAYLOAD_TOO_LARGE,
                      "The request body exceeds the size limit",
                      path(uri));
              case 415 ->
                  new Problem(
                      ProblemType.UNSUPPORTED_MEDIA_TYPE,
                      "Send the body as application/json",
                      path(uri));
              default ->
                  new Problem(
                      ProblemType.BAD_REQUEST,
                      status,
                      "The request could not be understood",
                      path(uri),
                      null);
            });
    if (status == 405) {
      response.header(HttpHeaders.ALLOW, AllowedMethods.forPath(path(uri)));
    }

    return response.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (DatabaseFailures.contended(e)) {
      // A deadlock or serialization failure: nothing was committed, and a retry will go through.
      return respond(
              new Problem(
                  ProblemType.BUSY,
                  "Baton could not complete the request because of concurrent changes; nothing was"
                      + " changed, retry it",
                  path(uri)))
          .header(HttpHeaders.RETRY_AFTER, "1")
          .build();
    }
    if (DatabaseFailures.unavailable(e)) {
      return unavailable(path(uri));
    }
    if (DatabaseFailures.poolExhausted(e)) {
      // Every connection busy for the pool's whole acquisition timeout: overload, shed this one.
      return respond(
              new Problem(
                  ProblemType.BUSY,
                  "Baton is at capacity right now; nothing was changed, retry it",
                  path(uri)))
          .header(HttpHeaders.RETRY_AFTER, "1")
          .build();
    }
    // The request id is in the MDC; the exception is logged without values the database quoted.
    LOG.errorf(Redacted.of(e), "Unexpected error on %s", path(uri));
    return respond(
            new Problem(
                ProblemType.INTERNAL_ERROR,
                "Baton could not complete the request; it has been logged",
                path(uri)))
        .build();
  }

  /**
   * PostgreSQL cannot be reached (down, restarting, refusing connections) or the pool had no
   * connection to give within its acquisition timeout: nothing was committed, and readiness says so
   * too. The log line names the cause's class and SQL state only, never a message with values.
   */
  static Response unavailable(String path) {
    return respond(
            new Problem(
                ProblemType.DATABASE_UNAVAILABLE,
                "Baton cannot reach its database right now; nothing was changed, retry it",
                path))
        .header(HttpHeaders.RETRY_AFTER, "5")
        .build();
  }

  static Response.ResponseBuilder respond(Problem problem) {
    // The id under which this request's log lines are found (also in the X-Request-Id header).
    return Response.status(problem.status)
        .type(Problem.MEDIA_TYPE)
        .entity(RequestIdFilter.tag(problem));
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }

  /**
   * {@code create.lead.contact.email} becomes {@code contact.email}; a query parameter keeps its
   * name.
   */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (node.isInIterable() && node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    if (!field.isEmpty()) {
      return field.toString();
    }
    return parameter == null ? "body" : parameter;
  }
}
