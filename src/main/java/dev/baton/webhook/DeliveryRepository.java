package dev.baton.webhook;

import dev.baton.db.Pipeline;
import dev.baton.event.LeadEvent;
import dev.baton.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/** Every statement on {@code webhook_delivery} and {@code webhook_attempt}. */
@ApplicationScoped
public class DeliveryRepository {

  /** In the SQL text, not bound: see {@link DeliveryStatus#sql()}. */
  private static final String PENDING = DeliveryStatus.PENDING.sql();

  private final EntityManager em;
  private final Pipeline pipeline;

  DeliveryRepository(EntityManager em, Pipeline pipeline) {
    this.em = em;
    this.pipeline = pipeline;
  }

  private static final String ENQUEUE =
      """
      INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload,
          status, next_attempt_at, created_at)
      SELECT gen_random_uuid(), w.id, e.id, e.type, e.lead_id, e.payload, %s, e.at, e.at
      FROM webhook w, (SELECT ?::uuid, ?::text, ?::uuid, ?::text, ?::timestamptz)
          AS e (id, type, lead_id, payload, at)
      WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
          AND (w.event_types IS NULL OR e.type = ANY (w.event_types))
      """
          .formatted(PENDING);

  /** A delivery per subscription that wants event {@code e}, sent with it ({@link Pipeline}). */
  void enqueue(LeadEvent e, String payload) {
    pipeline.add(ENQUEUE, e.getEventId(), e.getType(), e.getLeadId(), payload, e.getOccurredAt());
  }

  private static final String CLAIM =
      """
      UPDATE webhook_delivery SET claimed_until = ?2
      WHERE id IN (
          SELECT d.id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
          WHERE d.status = %1$s AND d.next_attempt_at <= ?1
              AND (d.claimed_until IS NULL OR d.claimed_until < ?1)
              AND w.state = 'ACTIVE' AND w.deleted_at IS NULL
              AND NOT EXISTS (
                  SELECT 1 FROM webhook_delivery e
                  WHERE e.webhook_id = d.webhook_id AND e.lead_id = d.lead_id
                      AND e.status = %1$s AND e.seq < d.seq)
          ORDER BY d.next_attempt_at
          LIMIT ?3
          FOR UPDATE OF d SKIP LOCKED)
      RETURNING id, webhook_id, payload, attempts
      """
          .formatted(PENDING);

  /**
   * Leases up to {@code limit} due deliveries until {@code lease}, each the earliest pending one of
   * its subscription and lead: id, webhook_id, payload, attempts.
   */
  List<Object[]> claim(Instant now, Instant lease, int limit) {
    return rows(em.createNativeQuery(CLAIM), now, lease, limit);
  }

  /** Hands back the leases of those of {@code held} still pending; answers how many. */
  int release(List<UUID> held) {
    return update(
        "UPDATE webhook_delivery SET claimed_until = NULL"
            + " WHERE id = ANY(CAST(?1 AS uuid[])) AND status = "
            + PENDING,
        (Object) held.stream().map(UUID::toString).toArray(String[]::new));
  }

  void recordAttempt(UUID delivery, Instant at, WebhookSender.Outcome outcome) {
    em.createNativeQuery(
            "INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, latency_ms,"
                + " error) VALUES (?1, ?2, ?3, ?4, ?5)")
        .unwrap(NativeQuery.class)
        .setParameter(1, delivery)
        .setParameter(2, at)
        .setParameter(3, outcome.statusCode(), StandardBasicTypes.INTEGER)
        .setParameter(4, outcome.latencyMs())
        .setParameter(5, outcome.error(), StandardBasicTypes.STRING)
        .executeUpdate();
  }

  /** Ends an attempt: the lease goes, and a delivery no longer pending is finished {@code now}. */
  void afterAttempt(UUID id, DeliveryStatus status, int attempts, Instant next, Instant now) {
    update(
        "UPDATE webhook_delivery SET status = ?2, attempts = ?3, next_attempt_at = ?4,"
            + " claimed_until = NULL, finished_at = CASE WHEN ?2 = "
            + PENDING
            + " THEN NULL ELSE CAST(?5 AS timestamptz) END WHERE id = ?1",
        id,
        status.name(),
        attempts,
        next == null ? now : next,
        now);
  }

  /** A deleted subscription's pending deliveries are given up. */
  void failPending(UUID webhookId, Instant now) {
    update(
        "UPDATE webhook_delivery SET status = "
            + DeliveryStatus.FAILED.sql()
            + ", finished_at = ?2 WHERE webhook_id = ?1 AND status = "
            + PENDING,
        webhookId,
        now);
  }

  /** Makes a delivery due {@code now} again unless a replica holds its lease; answers 1 or 0. */
  int redeliver(UUID webhookId, UUID deliveryId, Instant now) {
    return update(
        "UPDATE webhook_delivery SET status = "
            + PENDING
            + ", next_attempt_at = ?3, finished_at = NULL WHERE id = ?2 AND webhook_id = ?1"
            + " AND (claimed_until IS NULL OR claimed_until < ?3)",
        webhookId,
        deliveryId,
        now);
  }

  private static final String DELIVERY =
      "SELECT id, event_id, event_type, lead_id, status, attempts, next_attempt_at,"
          + " created_at FROM webhook_delivery";

  /**
   * Up to {@code limit} of a subscription's deliveries after {@code after}, oldest first: id,
   * event_id, event_type, lead_id, status, attempts, next_attempt_at, created_at.
   */
  List<Object[]> page(UUID webhookId, Cursor after, int limit) {
    return rows(
        em.createNativeQuery(
                DELIVERY
                    + " WHERE webhook_id = ?1 AND (CAST(?2 AS timestamptz) IS NULL"
                    + " OR (created_at, id) > (CAST(?2 AS timestamptz), CAST(?3 AS uuid)))"
                    + " ORDER BY created_at, id LIMIT ?4")
            .unwrap(NativeQuery.class)
            .setParameter(1, webhookId)
            .setParameter(2, after == null ? null : after.at(), StandardBasicTypes.INSTANT)
            .setParameter(3, after == null ? null : after.id(), StandardBasicTypes.UUID)
            .setParameter(4, limit));
  }

  /** The delivery, if it is the subscription's: the columns of {@link #page}. */
  Optional<Object[]> find(UUID deliveryId, UUID webhookId) {
    Query query = em.createNativeQuery(DELIVERY + " WHERE id = ?1 AND webhook_id = ?2");
    return rows(query, deliveryId, webhookId).stream().findFirst();
  }

  /** A delivery's attempts, in order: attempted_at, status_code, latency_ms, error. */
  List<Object[]> attempts(UUID deliveryId) {
    return rows(
        em.createNativeQuery(
            "SELECT attempted_at, status_code, latency_ms, error FROM webhook_attempt"
                + " WHERE delivery_id = ?1 ORDER BY id"),
        deliveryId);
  }

  /**
   * The count of deliveries pending to active subscriptions, and the creation (epoch seconds) of
   * the oldest, per active subscription from webhook_delivery_pending (webhook_id, seq): its first
   * entry is the subscription's oldest pending delivery.
   */
  public Object[] backlog() {
    return (Object[])
        em.createNativeQuery(
                """
                    SELECT
                        (SELECT count(*) FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                         WHERE d.status = %1$s AND w.state = 'ACTIVE' AND w.deleted_at IS NULL),
                        (SELECT extract(epoch FROM min(oldest.created_at)) FROM webhook w CROSS JOIN LATERAL (
                             SELECT d.created_at FROM webhook_delivery d
                             WHERE d.webhook_id = w.id AND d.status = %1$s
                             ORDER BY d.seq LIMIT 1) oldest
                         WHERE w.state = 'ACTIVE' AND w.deleted_at IS NULL)
                    """
                    .formatted(PENDING),
                Object[].class)
            .getSingleResult();
  }

  /**
   * Deletes up to {@code batch} finished deliveries (and their attempts) older than {@code cutoff},
   * as events are: the same retention. Pending deliveries are kept whatever their age.
   */
  int purgeFinishedBefore(Instant cutoff, int batch) {
    return update(
        """
        WITH doomed AS (
            SELECT id FROM webhook_delivery
            WHERE status <> %s AND created_at < ?1 LIMIT ?2),
        attempts AS (
            DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM doomed))
        DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM doomed)
        """
            .formatted(PENDING),
        cutoff,
        batch);
  }

  /**
   * Locks the payloads of a lead's deliveries and rewrites each with {@code rewrite}; one it maps
   * to null stays as it is.
   */
  void rewritePayloads(UUID leadId, UnaryOperator<String> rewrite) {
    pipeline.send(); // the deliveries of this transaction's events are among them
    Query query =
        em.createNativeQuery(
            "SELECT id, payload FROM webhook_delivery WHERE lead_id = ?1 FOR UPDATE",
            Object[].class);
    for (Object[] delivery : rows(query, leadId)) {
      String payload = rewrite.apply((String) delivery[1]);
      if (payload != null) {
        update("UPDATE webhook_delivery SET payload = ?2 WHERE id = ?1", delivery[0], payload);
      }
    }
  }

  private int update(String sql, Object... parameters) {
    return bind(em.createNativeQuery(sql), parameters).executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query query, Object... parameters) {
    return bind(query, parameters).getResultList();
  }

  private static Query bind(Query query, Object... parameters) {
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }
}
