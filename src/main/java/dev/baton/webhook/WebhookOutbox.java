package dev.baton.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.event.EventsPurged;
import dev.baton.event.LeadEvent;
import dev.baton.event.LeadEventRecorded;
import dev.baton.event.LeadEventsErased;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes, in the transaction of an event, one delivery per subscription that wants it: a change
 * that commits is delivered, one that rolls back never is. The payload is fixed here, so every
 * attempt sends (and signs) the same bytes. It observes the event log (recorded, erased, purged),
 * which knows nothing of webhooks.
 */
@ApplicationScoped
public class WebhookOutbox {

  private final DeliveryRepository deliveries;
  private final ObjectMapper mapper;

  public WebhookOutbox(DeliveryRepository deliveries, ObjectMapper mapper) {
    this.deliveries = deliveries;
    this.mapper = mapper;
  }

  /** Observed synchronously, so in the transaction that records the event: one statement. */
  @Transactional(Transactional.TxType.MANDATORY)
  void enqueue(@Observes LeadEventRecorded recorded) {
    LeadEvent event = recorded.event();
    deliveries.enqueue(event, payload(event));
  }

  /**
   * Finished deliveries go with the events they carried, in batches of one short transaction each;
   * pending deliveries are kept whatever their age.
   */
  void purge(@Observes EventsPurged purged) {
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(() -> deliveries.purgeFinishedBefore(purged.cutoff(), purged.batch()));
    } while (deleted == purged.batch());
  }

  /**
   * Removes the erased members from the payloads of the lead's deliveries, pending or sent: a
   * pending one is then sent (and signed) without them, a sent one is redelivered without them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void erase(@Observes LeadEventsErased erased) {
    deliveries.rewritePayloads(erased.leadId(), stored -> without(stored, erased.members()));
  }

  /** The payload without {@code members} in its data, or null when it has no data object. */
  private String without(String stored, List<String> members) {
    try {
      JsonNode payload = mapper.readTree(stored);
      if (payload.path("data") instanceof ObjectNode data) {
        data.remove(members);
        return mapper.writeValueAsString(payload);
      }
      return null;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A webhook payload is not JSON", e);
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
