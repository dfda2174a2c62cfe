package dev.baton.idempotency;

import dev.baton.security.KeyId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;

/**
 * Safe retries for every POST. Under an {@code Idempotency-Key}, the first request's work and the
 * record of its answer commit in one transaction; a retry with the same body replays that answer, a
 * retry while the first is still running gets 409, a reuse for another request gets 422. A request
 * that fails leaves no record, so it can simply be retried. Keys belong to the API key that sent
 * them, and a key names one request: its endpoint and body.
 *
 * <p>An endpoint takes part with {@link Idempotent}; one that must do something before the key is
 * claimed (the batch handoff waits for its turn first) calls {@link #run} itself.
 */
@ApplicationScoped
public class Idempotency {

  private final Fingerprint fingerprint;
  private final KeyClaims claims;
  private final TransactionManager transactions;
  private final SecurityIdentity identity;
  private final UriInfo uri;

  public Idempotency(
      Fingerprint fingerprint,
      KeyClaims claims,
      TransactionManager transactions,
      SecurityIdentity identity,
      UriInfo uri) {
    this.fingerprint = fingerprint;
    this.claims = claims;
    this.transactions = transactions;
    this.identity = identity;
    this.uri = uri;
  }

  /**
   * Runs {@code work}, the POST being served, once per key: {@code header} is its Idempotency-Key
   * as sent (null: no key, the work simply runs) and {@code request} its bound body, or null.
   */
  @Transactional
  public Response run(String header, Object request, Supplier<Response> work) {
    return run(header, request, work, null);
  }

  /**
   * As {@link #run(String, Object, Supplier)}, without storing the member {@code secret} of the
   * answer when it is not null: a replay omits it (an API key is shown once, even to a retry).
   */
  @Transactional
  public Response run(String header, Object request, Supplier<Response> work, String secret) {
    if (header == null) {
      return committable(work.get());
    }
    String key = IdempotencyKey.parse(header);
    KeyClaims.Claim claim =
        claims.claim(KeyId.of(identity), key, fingerprint.of("POST " + uri.getPath(), request));
    if (claim.replay().isPresent()) {
      return claim.replay().get();
    }
    Response response = committable(work.get());
    if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
      // Written last, over an expired record if there is one: the work is the transaction's
      // first write, which keeps the feed's order of one lead's events.
      claims.record(claim, response, secret);
    }
    return response;
  }

  /**
   * A 2xx answer promises a commit: if something below marked the transaction for rollback without
   * throwing, say so instead (a 500 that a retry can fix) rather than answer success.
   */
  private Response committable(Response response) {
    try {
      if (transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
        throw new IllegalStateException(
            "The transaction was marked for rollback: nothing was committed");
      }
    } catch (SystemException e) {
      throw new IllegalStateException(e);
    }
    return response;
  }
}
