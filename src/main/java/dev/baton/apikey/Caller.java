package dev.baton.apikey;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/** Who is calling: the API key behind the request, recorded on everything it changes. */
public record Caller(UUID keyId, String name, Role role) {

  /** Baton itself, for what it records on its own (an SLA breach noticed by the clock). */
  public static final Caller SYSTEM = new Caller(null, "baton", null);

  static final String KEY_ID = "baton.key-id";
  static final String ROLE = "baton.role";

  public static Caller of(SecurityIdentity identity) {
    return new Caller(
        identity.getAttribute(KEY_ID),
        identity.getPrincipal().getName(),
        identity.getAttribute(ROLE));
  }
}
