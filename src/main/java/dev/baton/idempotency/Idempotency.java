package dev.baton.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.apikey.Caller;
import dev.baton.common.BatonClock;
import dev.baton.common.BatonConfig;
import dev.baton.common.ProblemException;
import dev.baton.common.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Safe retries for every POST. Under an {@code Idempotency-Key}, the first request's work and the
 * record of its answer commit in one transaction; a retry with the same body replays that answer, a
 * retry while the first is still running gets 409, a reuse for another request gets 422. A request
 * that fails leaves no record, so it can simply be retried.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:~+/=-]{1,255}");
  private static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

  /** The fingerprint of an answer whose personal data was erased: any retry replays it. */
  private static final String ERASED = "erased";

  private final StoredResponseRepository responses;
  private final ObjectMapper mapper;
  private final BatonConfig config;
  private final BatonClock clock;
  private final TransactionManager transactions;

  public Idempotency(
      StoredResponseRepository responses,
      ObjectMapper mapper,
      BatonConfig config,
      TransactionManager transactions,
      BatonClock clock) {
    this.responses = responses;
    this.mapper = mapper;
    this.config = config;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Keys are kept at least a day, so that a client retrying tomorrow morning is still safe. */
  void check(@Observes StartupEvent start) {
    if (config.idempotency().retention().compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalStateException(
          "BATON_IDEMPOTENCY_RETENTION must be at least 24 hours (24H); it is "
              + config.idempotency().retention());
    }
  }

  /** Runs {@code work} once per key: see the class comment. */
  @Transactional
  public Response run(
      String header, Caller caller, String endpoint, Object request, Supplier<Response> work) {
    return run(header, caller, endpoint, request, work, null);
  }

  /**
   * As {@link #run(String, Caller, String, Object, Supplier)}, without storing the member {@code
   * secret} of the answer: a replay omits it (an API key is shown once, even to a retry).
   */
  @Transactional
  public Response run(
      String header,
      Caller caller,
      String endpoint,
      Object request,
      Supplier<Response> work,
      String secret) {
    if (header == null) {
      return committable(work.get());
    }
    String key = parse(header);
    String fingerprint = fingerprint(endpoint, request);
    if (!responses.tryClaim(caller.keyId(), key)) {
      throw new ProblemException(
              ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
              "A request with this Idempotency-Key is still being processed; retry in a moment")
          .withHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    Instant now = clock.now();
    Optional<StoredResponse> stored = responses.find(caller.keyId(), key);
    if (stored.isPresent() && stored.get().expiresAt().isAfter(now)) {
      if (!stored.get().fingerprint().equals(fingerprint)
          && !stored.get().fingerprint().equals(ERASED)) {
        throw new ProblemException(
            ProblemType.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used for another request (another body or endpoint);"
                + " send a new key for a new request");
      }
      return replay(stored.get());
    }
    Response response = committable(work.get());
    if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
      // Written last, over an expired record if there is one: the work is the transaction's
      // first write, which keeps the feed's order of one lead's events.
      responses.save(
          new StoredResponse(
              new StoredResponse.Id(caller.keyId(), key),
              fingerprint,
              response.getStatus(),
              body(response.getEntity(), secret),
              response.getLocation() == null ? null : response.getLocation().toString(),
              response.getHeaderString(HttpHeaders.ETAG),
              now,
              now.plus(config.idempotency().retention())));
    }
    return response;
  }

  /**
   * A person was erased: every stored answer that shows one of their leads keeps its status and
   * headers (so that a retry still does not hand the person off again) but shows the lead as it is
   * now, anonymous; other members naming the lead lose their free text. The request's fingerprint
   * (a digest of the personal data sent) goes too, so any retry under the key replays.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erase(UUID leadId, JsonNode skeleton, Collection<String> personalFields) {
    for (StoredResponse stored : responses.mentioning(leadId)) {
      JsonNode body = null;
      if (stored.body() != null) {
        try {
          body =
              redact(mapper.readTree(stored.body()), leadId.toString(), skeleton, personalFields);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("A stored answer is not JSON", e);
        }
      }
      responses.replaceBody(stored.id(), ERASED, body == null ? null : body.toString());
    }
  }

  private static JsonNode redact(
      JsonNode node, String leadId, JsonNode skeleton, Collection<String> personalFields) {
    if (node.isObject()) {
      if (leadId.equals(node.path("id").asText(null)) && node.has("status")) {
        return skeleton;
      }
      ObjectNode object = (ObjectNode) node;
      if (leadId.equals(node.path("leadId").asText(null))) {
        object.remove(personalFields);
      }
      if (leadId.equals(node.path("existingLeadId").asText(null))) {
        // A problem about the lead (a duplicate, an external id taken) quotes what collided.
        object.remove("detail");
      }
      object
          .properties()
          .forEach(
              member ->
                  member.setValue(redact(member.getValue(), leadId, skeleton, personalFields)));
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redact(array.get(i), leadId, skeleton, personalFields));
      }
    }
    return node;
  }

  /** Expired records go hourly, in short batches that skip rows another replica is purging. */
  @Scheduled(
      every = "1h",
      delay = 2,
      delayUnit = TimeUnit.MINUTES,
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void purgeExpired() {
    int purged;
    do {
      purged =
          QuarkusTransaction.requiringNew().call(() -> responses.purgeExpired(clock.now(), 1000));
    } while (purged == 1000);
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

  /** The key as sent, quoted or not; 400 when it is not a usable key. */
  static String parse(String header) {
    String key = header.strip();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.invalid(
          HEADER,
          "must be 1 to 255 characters: letters, digits and . _ : ~ + / = - (a UUID will do)");
    }
    return key;
  }

  private String fingerprint(String endpoint, Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (endpoint
                          + "\n"
                          + mapper.writeValueAsString(canonical(mapper.valueToTree(request))))
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same JSON whatever the order of its members, so that key order is not a new request. */
  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      new TreeMap<String, JsonNode>(
              node.properties().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
          .forEach((name, value) -> sorted.set(name, canonical(value)));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return node;
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
