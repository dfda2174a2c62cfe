package dev.baton.event;

/**
 * Fired, synchronously, by {@link EventLog} once an event is persisted: its observers run in the
 * transaction that records the event, so what they write commits or rolls back with it.
 */
public record LeadEventRecorded(LeadEvent event) {}
