package dev.baton.feedback;

import dev.baton.db.Ids;
import dev.baton.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A salesperson's word on a lead: how good it was, and what they heard. */
@Entity
@Table(name = "lead_feedback")
public class Feedback {

  @Id private UUID id;

  @Column(name = "lead_id", nullable = false)
  private UUID leadId;

  private Integer rating;

  @Enumerated(EnumType.STRING)
  private FeedbackKind kind;

  private String text;

  @Column(name = "author_key_id", nullable = false)
  private UUID authorKeyId;

  @Column(name = "author_name", nullable = false)
  private String authorName;

  @Column(name = "author_role", nullable = false)
  private String authorRole;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Feedback() {}

  Feedback(
      UUID leadId, Integer rating, FeedbackKind kind, String text, Caller author, Instant now) {
    this.id = Ids.next();
    this.leadId = leadId;
    this.rating = rating;
    this.kind = kind;
    this.text = text;
    this.authorKeyId = author.keyId();
    this.authorName = author.name();
    this.authorRole = author.role().name();
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public UUID getLeadId() {
    return leadId;
  }

  public Integer getRating() {
    return rating;
  }

  public FeedbackKind getKind() {
    return kind;
  }

  public String getText() {
    return text;
  }

  public String getAuthorName() {
    return authorName;
  }

  public String getAuthorRole() {
    return authorRole;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
