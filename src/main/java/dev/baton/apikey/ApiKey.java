package dev.baton.apikey;

import dev.baton.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_key")
public class ApiKey {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "key_hash", nullable = false, unique = true)
  private String keyHash;

  @Column(name = "key_prefix", nullable = false)
  private String keyPrefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  /** Requests per rate-limit window; null: the configured default. */
  @Column(name = "rate_limit")
  private Integer rateLimit;

  protected ApiKey() {}

  ApiKey(String name, Role role, String keyHash, String keyPrefix, Integer rateLimit, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.role = role;
    this.keyHash = keyHash;
    this.keyPrefix = keyPrefix;
    this.rateLimit = rateLimit;
    this.createdAt = now;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Role getRole() {
    return role;
  }

  String getKeyHash() {
    return keyHash;
  }

  public String getKeyPrefix() {

    return keyPrefix;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Integer getRateLimit() {
    return rateLimit;
  }
}
