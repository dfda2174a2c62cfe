package dev.baton.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The first successful answer to a POST under an Idempotency-Key, replayed to its retries. */
@Entity
@Table(name = "idempotency_key")
public class StoredResponse {

  /** The fingerprint of an answer whose personal data was erased: any retry replays it. */
  static final String ERASED = "erased";

  @Embeddable
  public record Id(
      @Column(name = "api_key_id", nullable = false) UUID apiKeyId,
      @Column(name = "key", nullable = false) String key)
      implements Serializable {}

  @EmbeddedId private Id id;

  @Column(nullable = false)
  private String fingerprint;

  @Column(nullable = false)
  private int status;

  private String body;
  private String location;
  private String etag;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected StoredResponse() {}

  StoredResponse(
      Id id,
      String fingerprint,
      int status,
      String body,
      String location,
      String etag,
      Instant now,
      Instant expiresAt) {
    this.id = id;
    this.fingerprint = fingerprint;
    this.status = status;
    this.body = body;
    this.location = location;
    this.etag = etag;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  Id id() {
    return id;
  }

  Instant createdAt() {
    return createdAt;
  }

  String fingerprint() {
    return fingerprint;
  }

  int status() {
    return status;
  }

  String body() {
    return body;
  }

  String location() {
    return location;
  }

  String etag() {
    return etag;
  }

  Instant expiresAt() {
    return expiresAt;
  }
}
