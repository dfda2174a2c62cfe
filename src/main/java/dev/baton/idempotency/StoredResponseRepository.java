package dev.baton.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StoredResponseRepository
    implements PanacheRepositoryBase<StoredResponse, StoredResponse.Id> {

  /**
   * Claims a key for the current transaction without waiting: false when another transaction (on
   * any replica) is working under the same key right now. Released at commit or rollback.
   */
  public boolean tryClaim(UUID apiKeyId, String key) {
    Object claimed =
        getEntityManager()
            .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
            .setParameter(1, lockId(apiKeyId, key))
            .getSingleResult();
    return Boolean.TRUE.equals(claimed);
  }

  public Optional<StoredResponse> find(UUID apiKeyId, String key) {
    return findByIdOptional(new StoredResponse.Id(apiKeyId, key));
  }

  /** Stores an answer, replacing an expired record of the same key if one is left. */
  public void save(StoredResponse stored) {
    StoredResponse.Id id = stored.id();
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO idempotency_key (api_key_id, key, fingerprint, status, body, location, etag,"
                + " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                + " ON CONFLICT (api_key_id, key) DO UPDATE SET fingerprint = excluded.fingerprint,"
                + " status = excluded.status, body = excluded.body, location = excluded.location,"
                + " etag = excluded.etag, created_at = excluded.created_at,"
                + " expires_at = excluded.expires_at")
        .setParameter(1, id.apiKeyId())
        .setParameter(2, id.key())
        .setParameter(3, stored.fingerprint())
        .setParameter(4, stored.status())
        .setParameter(5, stored.body())
        .setParameter(6, stored.location())
        .setParameter(7, stored.etag())
        .setParameter(8, stored.createdAt())
        .setParameter(9, stored.expiresAt())
        .executeUpdate();
  }

  /**
   * The stored answers that name a lead: the answer of its handoff (by its Location) and those
   * whose body shows it. Erasures are rare; this reads the table, which retention keeps small.
   */
  @SuppressWarnings("unchecked")
  public List<StoredResponse> mentioning(UUID leadId) {
    String pattern = "%" + leadId + "%";
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM idempotency_key WHERE location LIKE ?1 OR body LIKE ?1 FOR UPDATE",
            StoredResponse.class)
        .setParameter(1, pattern)
        .getResultList();
  }

  public void replaceBody(StoredResponse.Id id, String fingerprint, String body) {
    getEntityManager()
        .createNativeQuery(
            "UPDATE idempotency_key SET fingerprint = ?3, body = ?4"
                + " WHERE api_key_id = ?1 AND key = ?2")
        .setParameter(1, id.apiKeyId())
        .setParameter(2, id.key())
        .setParameter(3, fingerprint)
        .setParameter(4, body)
        .executeUpdate();
  }

  /** Expired records, a batch at a time; served by idempotency_key_expires. */
  public int purgeExpired(Instant now, int batch) {
    return getEntityManager()
        .createNativeQuery(
            "DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key"
                + " WHERE expires_at < ?1 LIMIT ?2 FOR UPDATE SKIP LOCKED)")
        .setParameter(1, now)
        .setParameter(2, batch)
        .executeUpdate();
  }

  private static long lockId(UUID apiKeyId, String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("idempotency:" + apiKeyId + ":" + key).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
