package dev.baton.web;

import dev.baton.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A caller that accepts {@code application/problem+json} accepts Baton's JSON: it asked for the
 * kind of answer Baton gives. Generated clients send the first media type an operation lists, which
 * for some operations is the problem's; without this they got 406 to every such call.
 *
 * <p>Before matching, {@code application/json} is added to such an {@code Accept} header, so that
 * content negotiation picks the operation's JSON; callers that accept neither still get 406.
 */
public class ProblemAcceptFilter {

  private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

  @ServerRequestFilter(preMatching = true)
  public void acceptJsonWithProblems(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.ACCEPT);
    if (header == null || !header.toLowerCase(Locale.ROOT).contains(Problem.MEDIA_TYPE)) {
      return;
    }
    boolean problems = false;
    for (String item : header.split(",")) {
      MediaType type;
      try {
        type = MediaType.valueOf(item.strip());
      } catch (IllegalArgumentException malformed) {
        return; // content negotiation answers it
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return;
      }
      String q = type.getParameters().get("q");
      boolean refused = q != null && q.strip().matches("0(\\.0*)?");
      problems |= !refused && !type.isWildcardType() && PROBLEM.isCompatible(type);
    }
    if (problems) {
      request
          .getHeaders()
          .putSingle(HttpHeaders.ACCEPT, header + ", " + MediaType.APPLICATION_JSON);
    }
  }
}
