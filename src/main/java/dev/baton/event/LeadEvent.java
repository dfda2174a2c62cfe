package dev.baton.event;

import dev.baton.db.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something that happened to a lead, written in the same transaction as the change itself. */
@Entity
@Table(name = "lead_event")
public class LeadEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id", nullable = false, unique = true)
  private UUID eventId;

  @Column(name = "lead_id", nullable = false)
  private UUID leadId;

  @Column(nullable = false)
  private String type;

  @Column(name = "lead_version", nullable = false)
  private long leadVersion;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor_key_id")
  private UUID actorKeyId;

  @Column(name = "actor_name", nullable = false)
  private String actorName;

  @Column(name = "actor_role", nullable = false)
  private String actorRole;

  @Column(name = "from_status")
  private String fromStatus;

  @Column(name = "to_status")
  private String toStatus;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private Map<String, Object> data;

  /** The writing transaction's id, set by the database (V4); the feed's order. */
  @Column(insertable = false, updatable = false)
  private Long txid;

  /** The import job that wrote this event from a lead's past; null for a live change. */
  @Column(name = "import_id", updatable = false)
  private UUID importId;

  protected LeadEvent() {}

  LeadEvent(
      UUID leadId,
      String type,
      long leadVersion,
      Instant occurredAt,
      UUID actorKeyId,
      String actorName,
      String actorRole,
      String fromStatus,
      String toStatus,
      Map<String, Object> data) {
    this.eventId = Ids.next();
    this.leadId = leadId;
    this.type = type;
    this.leadVersion = leadVersion;
    this.occurredAt = occurredAt;
    this.actorKeyId = actorKeyId;
    this.actorName = actorName;
    this.actorRole = actorRole;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.data = data;
  }

  public Long getId() {
    return id;
  }

  public UUID getEventId() {
    return eventId;
  }

  public UUID getLeadId() {
    return leadId;
  }

  public String getType() {
    return type;
  }

  public long getLeadVersion() {
    return leadVersion;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public UUID getActorKeyId() {
    return actorKeyId;
  }

  public String getActorName() {
    return actorName;
  }

  public String getActorRole() {
    return actorRole;
  }

  public String getFromStatus() {
    return fromStatus;
  }

  public String getToStatus() {
    return toStatus;
  }

  public Map<String, Object> getData() {
    return data;
  }

  Long getTxid() {
    return txid;
  }

  public UUID getImportId() {
    return importId;
  }
}
