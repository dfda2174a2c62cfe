package dev.baton.apikey;

import dev.baton.apikey.ApiKeyRecords.ApiKeyView;
import dev.baton.apikey.ApiKeyRecords.CreatedApiKey;
import dev.baton.apikey.ApiKeyRecords.NewApiKey;
import dev.baton.config.BatonConfig;
import dev.baton.db.BatonClock;
import dev.baton.db.TransactionEnd;
import dev.baton.paging.Cursor;
import dev.baton.paging.Page;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class ApiKeyService {

  private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BOOTSTRAP_NAME = "bootstrap-admin";
  private static final int MIN_BOOTSTRAP_LENGTH = 32;

  private final ApiKeyRepository keys;
  private final BatonConfig config;
  private final ApiKeyCache cache;
  private final BatonClock clock;
  private final TransactionSynchronizationRegistry transactions;

  public ApiKeyService(
      ApiKeyRepository keys,
      BatonConfig config,
      ApiKeyCache cache,
      TransactionSynchronizationRegistry transactions,
      BatonClock clock) {
    this.keys = keys;
    this.config = config;
    this.cache = cache;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Makes the configured bootstrap key an admin key, once: a revoked bootstrap key stays revoked
   * across restarts. Replicas starting together may race; the unique hash settles it.
   */
  @Transactional
  void bootstrap(@Observes StartupEvent start) {
    Optional<String> key = config.bootstrapAdminKey();
    if (key.isEmpty()) {
      LOG.info("BATON_BOOTSTRAP_ADMIN_KEY is not set: only existing API keys can call Baton");
      return;
    }
    // Generated keys carry 256 random bits; a chosen one must be long enough not to be guessed.
    if (LaunchMode.current() == LaunchMode.NORMAL && key.get().length() < MIN_BOOTSTRAP_LENGTH) {
      throw new IllegalStateException(
          "BATON_BOOTSTRAP_ADMIN_KEY must be at least "
              + MIN_BOOTSTRAP_LENGTH
              + " characters long");
    }
    // Never show part of a chosen secret: its prefix is a fixed marker.
    keys.insertIfAbsent(
        new ApiKey(BOOTSTRAP_NAME, Role.ADMIN, hash(key.get()), "(bootstrap)", null, clock.now()));
  }

  /** The caller behind a key (by its hash), if the key exists and is not revoked. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Caller> authenticate(String hash) {
    return keys.findActiveByHash(hash)
        .map(key -> new Caller(key.getId(), key.getName(), key.getRole(), key.getRateLimit()));
  }

  /** The caller behind a key as given (the scoreboard's sign-in), if it is active. */
  public Optional<Caller> authenticateKey(String key) {
    return authenticate(hash(key));
  }

  @Transactional
  public CreatedApiKey create(NewApiKey request) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "bk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiKey entity =
        new ApiKey(
            request.name().strip(),
            request.role(),
            hash(key),
            prefix(key),
            request.rateLimit(),
            clock.now());
    keys.persist(entity);
    return new CreatedApiKey(
        entity.getId(),
        entity.getName(),
        entity.getRole(),
        entity.getKeyPrefix(),
        entity.getCreatedAt(),
        entity.getRateLimit(),
        key);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ApiKeyView> list(Cursor after, int limit) {
    return Cursor.page(
        keys.page(after, limit + 1),
        limit,
        key -> new Cursor(key.getCreatedAt(), key.getId()),
        ApiKeyView::from);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ApiKeyView get(UUID id) {
    return keys.findByIdOptional(id)
        .map(ApiKeyView::from)
        .orElseThrow(() -> ProblemException.notFound("API key", id));
  }

  /** Revokes a key; the last active admin key cannot be revoked, or nobody could manage keys. */
  @Transactional
  public ApiKeyView revoke(UUID id) {
    ApiKey key =
        keys.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("API key", id));
    if (key.getRole() == Role.ADMIN && key.getRevokedAt() == null) {
      List<ApiKey> admins = keys.lockActiveAdmins();
      if (admins.size() == 1 && admins.get(0).getId().equals(id)) {
        throw new ProblemException(
            ProblemType.LAST_ADMIN_KEY,
            "This is the last active admin key; create another admin key first");
      }
    }
    key.revoke(clock.now());
    // This replica forgets its keys at the commit; the others when PostgreSQL notifies them.
    TransactionEnd.afterEnd(transactions, cache::clear);
    return ApiKeyView.from(key);
  }

  static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String prefix(String key) {
    return key.substring(0, Math.min(7, key.length()));
  }
}
