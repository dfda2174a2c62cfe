package dev.baton.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The single row of table routing_policy. */
@Entity
@Table(name = "routing_policy")
public class StoredRoutingPolicy {

  @Id private boolean id = true;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  private RoutingPolicy policy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected StoredRoutingPolicy() {}

  RoutingPolicy policy() {
    return policy.stamped(updatedAt, updatedBy);
  }

  void replace(RoutingPolicy policy, Instant at, String by) {
    this.policy = policy.stamped(null, null);
    this.updatedAt = at;
    this.updatedBy = by;
  }
}
