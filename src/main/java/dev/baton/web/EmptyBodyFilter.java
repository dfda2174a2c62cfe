package dev.baton.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A POST with no body and no Content-Type (a bare {@code curl -X POST …/qualify}) is an empty JSON
 * request, not an unsupported media type: actions whose inputs are all optional accept it, and the
 * others say which field is missing.
 */
public class EmptyBodyFilter {

  @ServerRequestFilter(preMatching = true)
  public void treatAsJson(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    boolean empty =
        (length == null || "0".equals(length.strip()))
            && request.getHeaderString("Transfer-Encoding") == null;
    if ("POST".equals(request.getMethod()) && request.getMediaType() == null && empty) {
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
  }
}
