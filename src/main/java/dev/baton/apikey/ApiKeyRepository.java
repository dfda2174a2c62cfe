package dev.baton.apikey;

import dev.baton.common.Cursor;
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

  public boolean existsByHash(String hash) {
    return count("keyHash", hash) > 0;
  }

  public List<ApiKey> page(Cursor after, int limit) {
    if (after == null) {
      return find("order by createdAt, id").page(0, limit).list();
    }
    return find(
            "(createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
            Parameters.with("at", after.at()).and("id", after.id()))
        .page(0, limit)
        .list();
  }
}
