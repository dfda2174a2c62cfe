package dev.baton.reason;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "rejection_reason")
public class RejectionReason {

  @Id private String code;

  @Column(nullable = false)
  private String label;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Accountable accountable;

  @Column(name = "requires_note", nullable = false)
  private boolean requiresNote;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RejectionReason() {}

  RejectionReason(
      String code, String label, Accountable accountable, boolean requiresNote, Instant now) {
    this.code = code;
    this.label = label;
    this.accountable = accountable;
    this.requiresNote = requiresNote;
    this.active = true;
    this.createdAt = now;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public Accountable getAccountable() {
    return accountable;
  }

  public boolean isRequiresNote() {
    return requiresNote;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
