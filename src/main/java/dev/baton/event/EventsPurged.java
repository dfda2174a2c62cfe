package dev.baton.event;

import java.time.Instant;

/**
 * Fired, synchronously, by {@link EventRetentionJob} after it purged the events older than {@code
 * cutoff}: what went with them is purged too, in batches of {@code batch}.
 */
public record EventsPurged(Instant cutoff, int batch) {}
