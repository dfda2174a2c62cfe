package dev.baton.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscription: where to send which events, signed with which secret. */
@Entity
@Table(name = "webhook")
public class Webhook {

  public enum State {
    ACTIVE,
    PAUSED,
    DISABLED
  }

  @Id private UUID id;

  @Column(name = "owner_key_id", nullable = false)
  private UUID ownerKeyId;

  @Column(nullable = false)
  private String url;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "event_types", columnDefinition = "text[]")
  private List<String> eventTypes;

  private String description;

  @Column(nullable = false)
  private String secret;

  @Column(name = "previous_secret")
  private String previousSecret;

  @Column(name = "previous_secret_until")
  private Instant previousSecretUntil;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "state_reason")
  private String stateReason;

  @Column(name = "failing_since")
  private Instant failingSince;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected Webhook() {}

  Webhook(UUID owner, String url, List<String> eventTypes, String description, Instant now) {
    this.id = UUID.randomUUID();
    this.ownerKeyId = owner;
    this.url = url;
    this.eventTypes = eventTypes;
    this.description = description;
    this.secret = Signatures.newSecret();
    this.state = State.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void change(String url, List<String> eventTypes, String description, Instant now) {
    this.url = url;
    this.eventTypes = eventTypes;
    this.description = description;
    this.updatedAt = now;
  }

  /** Paused by its owner, or resumed: a resumed subscription starts afresh. */
  void pause(boolean paused, String reason, Instant now) {
    this.state = paused ? State.PAUSED : State.ACTIVE;
    this.stateReason = paused ? reason : null;
    this.failingSince = null;
    this.updatedAt = now;
  }

  void disable(String reason, Instant now) {
    this.state = State.DISABLED;
    this.stateReason = reason;
    this.updatedAt = now;
  }

  /** A new secret; the previous one keeps signing for {@code overlap}, so receivers can switch. */
  String rotate(Duration overlap, Instant now) {
    this.previousSecret = secret;
    this.previousSecretUntil = now.plus(overlap);
    this.secret = Signatures.newSecret();
    this.updatedAt = now;
    return secret;
  }

  /** The secrets that sign a message sent now: the current one, and the previous during overlap. */
  List<String> signingSecrets(Instant now) {
    return previousSecret != null && now.isBefore(previousSecretUntil)
        ? List.of(secret, previousSecret)
        : List.of(secret);
  }

  void succeeded() {
    this.failingSince = null;
  }

  /** A failed attempt; failing for longer than {@code pauseAfter}, the subscription is paused. */
  void failed(Instant now, Duration pauseAfter) {
    if (failingSince == null) {
      failingSince = now;
    } else if (state == State.ACTIVE && failingSince.plus(pauseAfter).isBefore(now)) {
      this.state = State.PAUSED;
      this.stateReason = "every delivery failed since " + failingSince + "; resume it when fixed";
      this.updatedAt = now;
    }
  }

  void delete(Instant now) {
    this.deletedAt = now;
    this.state = State.DISABLED;
    this.stateReason = "deleted";
  }

  WebhookRecords.WebhookView view() {
    return new WebhookRecords.WebhookView(
        id, url, eventTypes, description, state, stateReason, failingSince, createdAt, updatedAt);
  }

  public UUID getId() {
    return id;
  }

  public UUID getOwnerKeyId() {
    return ownerKeyId;
  }

  public String getUrl() {
    return url;
  }

  public String getSecret() {
    return secret;
  }

  public State getState() {
    return state;
  }

  public List<String> getEventTypes() {
    return eventTypes;
  }

  public String getDescription() {
    return description;
  }
}
