package dev.baton.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.config.BatonConfig;
import dev.baton.db.BatonClock;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One key of one API key: claimed by the transaction that works under it, its stored answer
 * replayed to a retry, the first successful answer recorded.
 */
@ApplicationScoped
class KeyClaims {

  static final String REPLAYED = "Idempotent-Replayed";

  private final StoredResponseRepository responses;
  private final ObjectMapper mapper;
  private final BatonConfig config;
  private final BatonClock clock;

  KeyClaims(
      StoredResponseRepository responses,
      ObjectMapper mapper,
      BatonConfig config,
      BatonClock clock) {
    this.responses = responses;
    this.mapper = mapper;
    this.config = config;
    this.clock = clock;
  }

  /**
   * A key claimed by the current transaction at {@code at}, for the request {@code fingerprint}
   * names; {@code replay} is the answer a retry gets, when one is stored.
   */
  record Claim(StoredResponse.Id id, String fingerprint, Instant at, Optional<Response> replay) {}

  /**
   * Claims the key until the transaction ends: 409 while another transaction (on any replica) works
   * under it, 422 when its stored answer is to another request.
   */
  Claim claim(UUID apiKeyId, String key, String fingerprint) {
    if (!responses.tryClaim(apiKeyId, key)) {
      throw new ProblemException(
              ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
              "A request with this Idempotency-Key is still being processed; retry in a moment")
          .withHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    StoredResponse.Id id = new StoredResponse.Id(apiKeyId, key);
    Instant now = clock.now();
    Optional<StoredResponse> stored = responses.find(apiKeyId, key);
    if (stored.isPresent() && stored.get().expiresAt().isAfter(now)) {
      if (!stored.get().fingerprint().equals(fingerprint)
          && !stored.get().fingerprint().equals(StoredResponse.ERASED)) {
        throw new ProblemException(
            ProblemType.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used for another request (another body or endpoint);"
                + " send a new key for a new request");
      }
      return new Claim(id, fingerprint, now, Optional.of(replay(stored.get())));
    }
    return new Claim(id, fingerprint, now, Optional.empty());
  }

  /**
   * Records the answer of the claimed key, over an expired record if there is one; without the
   * member {@code secret} of its body when it is not null, so that a replay omits it.
   */
  void record(Claim claim, Response response, String secret) {
    responses.save(
        new StoredResponse(
            claim.id(),
            claim.fingerprint(),
            response.getStatus(),
            body(response.getEntity(), secret),
            response.getLocation() == null ? null : response.getLocation().toString(),
            response.getHeaderString(HttpHeaders.ETAG),
            claim.at(),
            claim.at().plus(config.idempotency().retention())));
  }

  private String body(Object entity, String secret) {
    if (entity == null) {
      return null;
    }
    try {
      if (secret == null) {
        return mapper.writeValueAsString(entity);
      }
      ObjectNode node = mapper.valueToTree(entity);
      node.remove(secret);
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response replay(StoredResponse stored) {
    Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED, "true");
    if (stored.body() != null) {
      replay.type(MediaType.APPLICATION_JSON).entity(stored.body());
    }
    if (stored.location() != null) {
      replay.header(HttpHeaders.LOCATION, stored.location());
    }
    if (stored.etag() != null) {
      replay.header(HttpHeaders.ETAG, stored.etag());
    }
    return replay.build();
  }
}
