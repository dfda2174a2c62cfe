package dev.baton.ratelimit;

import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every API call against its key's quota, once the key is known and its role allowed, and
 * before the endpoint does anything: a refused request has changed nothing. Answers carry the
 * {@code RateLimit} and {@code RateLimit-Policy} headers; a refusal is a 429 with {@code
 * Retry-After}. The filter runs on the endpoint's worker thread, where a database round trip may
 * block. {@code /q/*} (health, metrics, the contract) is not a resource and is never counted.
 */
public class RateLimits {

  public static final String RATE_LIMIT = "RateLimit";
  public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
  private static final String DECISION = RateLimits.class.getName();

  private final Quotas quotas;
  private final SecurityIdentity identity;

  public RateLimits(Quotas quotas, SecurityIdentity identity) {
    this.quotas = quotas;
    this.identity = identity;
  }

  @ServerRequestFilter
  public void count(ContainerRequestContext request) {
    if (identity.isAnonymous()) {
      return;
    }
    Caller caller = Caller.of(identity);
    int quota = quotas.quotaOf(caller.rateLimit());
    if (caller.keyId() == null || quota == 0) {
      return;
    }
    Decision decision = quotas.take(caller.keyId(), quota);
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      throw new ProblemException(
              ProblemType.RATE_LIMITED,
              "This API key may make "
                  + decision.quota()
                  + " requests per "
                  + decision.windowSeconds()
                  + " seconds; the quota resets in "
                  + decision.resetSeconds()
                  + " seconds")
          .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()))
          .withHeader(RATE_LIMIT_POLICY, decision.policyHeader())
          .withHeader(RATE_LIMIT, decision.limitHeader());
    }
  }

  @ServerResponseFilter
  public void tell(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof Decision decision) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle(RATE_LIMIT_POLICY, decision.policyHeader());
      headers.putSingle(RATE_LIMIT, decision.limitHeader());
    }
  }
}
