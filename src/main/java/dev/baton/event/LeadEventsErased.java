package dev.baton.event;

import java.util.List;
import java.util.UUID;

/**
 * Fired, synchronously, by {@link EventLog} when the personal {@code members} of a lead's events
 * are erased: whatever copies them erases them in the same transaction.
 */
public record LeadEventsErased(UUID leadId, List<String> members) {}
