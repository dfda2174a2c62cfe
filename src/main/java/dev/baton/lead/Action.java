package dev.baton.lead;

/** A funnel move a client can ask for, by its path segment. */
public enum Action {
  QUALIFY("lead.qualified"),
  ACCEPT("lead.accepted"),
  REJECT("lead.rejected"),
  CONVERT("lead.converted"),
  RECYCLE("lead.recycled");

  private final String eventType;

  Action(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }

  public String path() {
    return name().toLowerCase();
  }
}
