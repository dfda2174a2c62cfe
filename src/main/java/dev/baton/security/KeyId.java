package dev.baton.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/**
 * The id of the API key that authenticated a request, as the request's {@link SecurityIdentity}
 * carries it: the key's authentication sets it, and what is kept per API key reads it (the caller
 * recorded on changes, the idempotency records) without depending on one another.
 */
public final class KeyId {

  /** The name of the identity attribute. */
  public static final String ATTRIBUTE = "baton.key-id";

  private KeyId() {}

  /** The key id of {@code identity}; null for a request without an API key. */
  public static UUID of(SecurityIdentity identity) {
    return identity.getAttribute(ATTRIBUTE);
  }
}
