-- The oldest pending delivery of each subscription, for the gauge baton_webhook_oldest_pending_seconds
-- (WebhookBacklog): one index step per subscription, whatever the backlog.
CREATE INDEX webhook_delivery_pending ON webhook_delivery (webhook_id, seq) WHERE status = 'PENDING';
