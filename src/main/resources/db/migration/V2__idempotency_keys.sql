-- Idempotency-Key records: the first 2xx answer to a POST, replayed to retries with the same key.
-- Written in the transaction of the work they protect, so a failed request leaves no record.
CREATE TABLE idempotency_key (
    api_key_id      uuid        NOT NULL,
    key             text        NOT NULL,
    fingerprint     text        NOT NULL,
    status          integer     NOT NULL,
    body            text,
    location        text,
    etag            text,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (api_key_id, key)
);
-- Expired records are purged in creation order.
CREATE INDEX idempotency_key_expires ON idempotency_key (expires_at);
