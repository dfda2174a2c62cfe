-- Events past the retention period are purged oldest first (EventRetention).
CREATE INDEX lead_event_occurred ON lead_event (occurred_at);
