package dev.baton.lead;

import dev.baton.event.EventType;

/**
 * A funnel move a client can ask for, by its path segment. The contract lists these (schema {@code
 * Action}); a move made otherwise is a {@link Funnel.DisputeAnswer}.
 */
public enum Action implements Funnel.Trigger {
  QUALIFY(EventType.LEAD_QUALIFIED),
  ACCEPT(EventType.LEAD_ACCEPTED),
  REJECT(EventType.LEAD_REJECTED),
  CONVERT(EventType.LEAD_CONVERTED),
  RECYCLE(EventType.LEAD_RECYCLED);

  private final EventType eventType;

  Action(EventType eventType) {
    this.eventType = eventType;
  }

  public EventType eventType() {
    return eventType;
  }

  public String path() {
    return name().toLowerCase();
  }
}
