package dev.baton.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team that rules route leads to; its members are {@link QueueMember} rows. */
@Entity
@Table(name = "sales_queue")
public class SalesQueue {

  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SalesQueue() {}

  SalesQueue(String id, Instant now) {
    this.id = id;
    this.createdAt = now;
  }

  void rename(String name, Instant now) {
    this.name = name.strip();
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
