package dev.baton.apikey;

import dev.baton.paging.Cursor;
import dev.baton.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

  /** An active key by its hash; served by the unique index on key_hash. */
  public Optional<ApiKey> findActiveByHash(String hash) {
    return find("keyHash = ?1 and revokedAt is null", hash).firstResultOptional();
  }

  /**
   * Inserts the key unless one with the same hash exists (revoked or not), without a race between
   * replicas starting together.
   */
  public void insertIfAbsent(ApiKey key) {
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO api_key (id, name, role, key_hash, key_prefix, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (key_hash) DO NOTHING")
        .setParameter(1, key.getId())
        .setParameter(2, key.getName())
        .setParameter(3, key.getRole().name())
        .setParameter(4, key.getKeyHash())
        .setParameter(5, key.getKeyPrefix())
        .setParameter(6, key.getCreatedAt())
        .executeUpdate();
  }

  /** The active admin keys, locked: revoking the last one must see every concurrent revocation. */
  public List<ApiKey> lockActiveAdmins() {
    return find("role = ?1 and revokedAt is null", Role.ADMIN)
        .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  public List<ApiKey> page(Cursor after, int limit) {
    if (after == null) {
      return find("order by createdAt, id").page(0, limit).list();
    }
    return find(
            "(createdAt, id) > (:at, :id) order by createdAt, id",
            Parameters.with("at", after.at()).and("id", after.id()))
        .page(0, limit)
        .list();
  }
}
