package dev.baton.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** A member of a queue, with its weight and its standing in the weighted rotation. */
@Entity
@Table(name = "queue_member")
public class QueueMember {

  @Embeddable
  public record Key(
      @Column(name = "queue_id") String queueId, @Column(name = "member_id") String memberId)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(nullable = false)
  private int weight;

  @Column(nullable = false, precision = 30, scale = 18)
  private BigDecimal credit;

  protected QueueMember() {}

  QueueMember(String queueId, String memberId, int weight) {
    this.key = new Key(queueId, memberId);
    this.weight = weight;
    this.credit = BigDecimal.ZERO;
  }

  void reweigh(int weight) {
    this.weight = weight;
  }

  void credit(BigDecimal credit) {
    this.credit = credit;
  }

  public String getQueueId() {
    return key.queueId();
  }

  public String getMemberId() {
    return key.memberId();
  }

  public int getWeight() {
    return weight;
  }

  public BigDecimal getCredit() {
    return credit;
  }
}
