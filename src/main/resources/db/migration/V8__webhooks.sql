-- Webhook subscriptions: each belongs to the API key that made it.
CREATE TABLE webhook (
    id                       uuid        PRIMARY KEY,
    owner_key_id             uuid        NOT NULL,
    url                      text        NOT NULL,
    event_types              text[],     -- NULL: every type
    description              text,
    secret                   text        NOT NULL,
    previous_secret          text,
    previous_secret_until    timestamptz,
    state                    text        NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED', 'DISABLED')),
    state_reason             text,
    failing_since            timestamptz,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    deleted_at               timestamptz
);
CREATE INDEX webhook_owner ON webhook (owner_key_id, created_at, id) WHERE deleted_at IS NULL;

-- The outbox: one delivery per (event, subscription), written in the transaction of the event.
-- The payload is fixed at that moment: what is signed and sent, at every attempt.
CREATE TABLE webhook_delivery (
    id              uuid        PRIMARY KEY,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    webhook_id      uuid        NOT NULL REFERENCES webhook (id),
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    lead_id         uuid        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    claimed_until   timestamptz,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);
-- The dispatcher's work: pending deliveries, due first.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
-- Order per lead and subscription: the earliest pending delivery of a (subscription, lead) goes first.
CREATE INDEX webhook_delivery_order ON webhook_delivery (webhook_id, lead_id, seq)
    WHERE status = 'PENDING';
-- GET /api/v1/webhooks/{id}/deliveries, newest first.
CREATE INDEX webhook_delivery_list ON webhook_delivery (webhook_id, seq);

CREATE TABLE webhook_attempt (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   uuid        NOT NULL REFERENCES webhook_delivery (id),
    attempted_at  timestamptz NOT NULL,
    status_code   integer,
    latency_ms    integer     NOT NULL,
    error         text
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
