-- Import jobs (POST /api/v1/imports): a company's history brought in as a file of leads with their
-- past moves. The file is kept in the database in chunks as it is uploaded, so that any replica can
-- run the job, and another one resume it where the last committed batch ended (next_chunk,
-- next_offset, rows_read are written in the transaction of each batch).
CREATE TABLE import_job (
    id              uuid        PRIMARY KEY,
    owner_key_id    uuid        NOT NULL,
    owner_name      text        NOT NULL,
    idempotency_key text,
    body_sha256     text,
    format          text        NOT NULL CHECK (format IN ('NDJSON', 'CSV')),
    duplicates      text        NOT NULL CHECK (duplicates IN ('REFUSE', 'SKIP', 'UPDATE')),
    state           text        NOT NULL
                    CHECK (state IN ('UPLOADING', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    bytes           bigint      NOT NULL DEFAULT 0,
    chunks          integer     NOT NULL DEFAULT 0,
    next_chunk      integer     NOT NULL DEFAULT 0,
    next_offset     integer     NOT NULL DEFAULT 0,
    rows_read       bigint      NOT NULL DEFAULT 0,
    rows_created    bigint      NOT NULL DEFAULT 0,
    rows_updated    bigint      NOT NULL DEFAULT 0,
    rows_skipped    bigint      NOT NULL DEFAULT 0,
    rows_refused    bigint      NOT NULL DEFAULT 0,
    claimed_by      text,
    claimed_until   timestamptz,
    error           text,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    CONSTRAINT import_job_idempotency UNIQUE (owner_key_id, idempotency_key)
);
-- The workers' queue: jobs to run, or to resume once their replica stopped renewing its claim.
CREATE INDEX import_job_runnable ON import_job (created_at) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX import_job_created ON import_job (created_at, id);

-- The uploaded file, in chunks of at most 1 MiB; deleted when the job ends.
CREATE TABLE import_chunk (
    job_id uuid    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq    integer NOT NULL,
    data   bytea   NOT NULL,
    PRIMARY KEY (job_id, seq)
);
ALTER TABLE import_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- The result of every row: the lead it created, updated or skipped for, or the problem refusing it.
CREATE TABLE import_row (
    job_id     uuid    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number bigint  NOT NULL,
    outcome    text    NOT NULL CHECK (outcome IN ('CREATED', 'UPDATED', 'SKIPPED', 'REFUSED')),
    lead_id    uuid,
    problem    jsonb,
    PRIMARY KEY (job_id, row_number)
);

-- An imported move's event names its job; its actor is `import`.
ALTER TABLE lead_event ADD COLUMN import_id uuid;

-- An acceptance clock replayed from an import: decided at import time from the history, never
-- warned, and breached (when it runs out later) without an event or a webhook. NULL: a live clock.
ALTER TABLE lead ADD COLUMN sla_imported boolean;

-- When an imported event was written. Retention keeps events BATON_EVENT_RETENTION from when they
-- were recorded: a past brought in today is kept as long as today's events, not purged at once
-- for having happened long ago. NULL: a live event, recorded when it occurred.
ALTER TABLE lead_event ADD COLUMN recorded_at timestamptz;
CREATE INDEX lead_event_retention ON lead_event ((coalesce(recorded_at, occurred_at)));
DROP INDEX lead_event_occurred;
