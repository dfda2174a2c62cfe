package dev.baton.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.event.LeadEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes, in the transaction of an event, one delivery per subscription that wants it: a change
 * that commits is delivered, one that rolls back never is. The payload is fixed here, so every
 * attempt sends (and signs) the same bytes.
 */
@ApplicationScoped
public class WebhookOutbox {

  private final EntityManager em;
  private final ObjectMapper mapper;

  public WebhookOutbox(EntityManager em, ObjectMapper mapper) {
    this.em = em;
    this.mapper = mapper;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(LeadEvent event) {
    em.createNativeQuery(
            """
            INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload,
                status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), w.id, ?1, ?2, ?3, ?4, 'PENDING', ?5, ?5
            FROM webhook w
            WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
                AND (w.event_types IS NULL OR ?2 = ANY (w.event_types))
            """)
        .setParameter(1, event.getEventId())
        .setParameter(2, event.getType())
        .setParameter(3, event.getLeadId())
        .setParameter(4, payload(event))
        .setParameter(5, event.getOccurredAt())
        .executeUpdate();
  }

  /**
   * Deletes up to {@code batch} finished deliveries (and their attempts) older than {@code cutoff},
   * as events are: the same retention. Pending deliveries are kept whatever their age.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int purgeFinishedBefore(Instant cutoff, int batch) {
    return em.createNativeQuery(
            """
            WITH doomed AS (
                SELECT id FROM webhook_delivery
                WHERE status <> 'PENDING' AND created_at < ?1 LIMIT ?2),
            attempts AS (
                DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM doomed))
            DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM doomed)
            """)
        .setParameter(1, cutoff)
        .setParameter(2, batch)
        .executeUpdate();
  }

  /**
   * Removes the named members from the payloads of a lead's deliveries, pending or sent: a pending
   * one is then sent (and signed) without them, a sent one is redelivered without them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public void erase(UUID leadId, List<String> members) {
    List<Object[]> deliveries =
        em.createNativeQuery(
                "SELECT id, payload FROM webhook_delivery WHERE lead_id = ?1 FOR UPDATE",
                Object[].class)
            .setParameter(1, leadId)
            .getResultList();
    for (Object[] delivery : deliveries) {
      try {
        JsonNode payload = mapper.readTree((String) delivery[1]);
        if (payload.path("data") instanceof ObjectNode data) {
          data.remove(members);
          em.createNativeQuery("UPDATE webhook_delivery SET payload = ?2 WHERE id = ?1")
              .setParameter(1, delivery[0])
              .setParameter(2, mapper.writeValueAsString(payload))
              .executeUpdate();
        }
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A webhook payload is not JSON", e);
      }
    }
  }

  /** {type, timestamp, data}: data holds the lead, its version, the move and its inputs. */
  String payload(LeadEvent event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("eventId", event.getEventId());
    data.put("leadId", event.getLeadId());
    data.put("leadVersion", event.getLeadVersion());
    if (event.getFromStatus() != null) {
      data.put("fromStatus", event.getFromStatus());
    }
    if (event.getToStatus() != null) {
      data.put("toStatus", event.getToStatus());
    }
    data.putAll(event.getData());
    return json(event.getType(), event.getOccurredAt(), data);
  }

  String json(String type, Instant at, Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("timestamp", at.toString());
    body.put("data", data);
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event could not be written as JSON", e);
    }
  }
}
