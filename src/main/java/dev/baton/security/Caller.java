package dev.baton.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/**
 * Who is calling: the API key behind the request, recorded on everything it changes. {@code
 * rateLimit} is the key's own quota (requests per window), null for the configured default.
 */
public record Caller(UUID keyId, String name, Role role, Integer rateLimit) {

  /** Baton itself, for what it records on its own (an SLA breach noticed by the clock). */
  public static final Caller SYSTEM = new Caller(null, "baton", null, null);

  public static final String ROLE = "baton.role";
  public static final String RATE_LIMIT = "baton.rate-limit";

  public static Caller of(SecurityIdentity identity) {
    return new Caller(
        KeyId.of(identity),
        identity.getPrincipal().getName(),
        identity.getAttribute(ROLE),
        identity.getAttribute(RATE_LIMIT));
  }
}
