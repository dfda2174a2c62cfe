package dev.baton.event;

import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records what happens to leads, inside the transaction that makes it happen. */
@ApplicationScoped
public class EventLog {

  /**
   * The members of event data that may hold personal data: the free text of notes and feedback, and
   * the opportunity's reference in the CRM. An erasure removes them from the lead's events and
   * webhook payloads; an event that gains such a member must name it here.
   */
  public static final List<String> PERSONAL_FIELDS = List.of("note", "text", "opportunityRef");

  /** The actor role recorded for what Baton does by itself. */
  public static final String SYSTEM = "SYSTEM";

  private final LeadEventRepository events;
  private final Event<LeadEventRecorded> recorded;
  private final Event<LeadEventsErased> erased;

  public EventLog(
      LeadEventRepository events,
      Event<LeadEventRecorded> recorded,
      Event<LeadEventsErased> erased) {
    this.events = events;
    this.recorded = recorded;
    this.erased = erased;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      UUID leadId,
      EventType type,
      long leadVersion,
      Instant at,
      Caller caller,
      Enum<?> from,
      Enum<?> to,
      Map<String, Object> data) {
    LeadEvent event =
        new LeadEvent(
            leadId,
            type.value(),
            leadVersion,
            at,
            caller.keyId(),
            caller.name(),
            caller.role() == null ? SYSTEM : caller.role().name(),
            from == null ? null : from.name(),
            to == null ? null : to.name(),
            data);
    events.queue(event);
    // Synchronous: the webhook outbox writes its deliveries in this transaction, so the feed and
    // the deliveries never disagree.
    recorded.fire(new LeadEventRecorded(event));
  }

  /** Event data holds what was given: absent inputs are left out, not written as null. */
  public static void putIfPresent(Map<String, Object> data, String key, Object value) {
    if (value != null) {
      data.put(key, value);
    }
  }

  /**
   * Removes the personal members of a lead's recorded events, in the feed and in the payloads of
   * its webhook deliveries (pending or sent).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erase(UUID leadId) {
    events.erase(leadId, PERSONAL_FIELDS);
    erased.fire(new LeadEventsErased(leadId, PERSONAL_FIELDS));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<EventView> history(UUID leadId) {

    return events.ofLead(leadId).stream().map(EventView::from).toList();
  }
}
