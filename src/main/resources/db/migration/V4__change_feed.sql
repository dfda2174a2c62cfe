-- The change feed orders events by the transaction that wrote them, then by id, and serves only
-- events of transactions older than the oldest one still running (pg_snapshot_xmin): everything
-- below that horizon has committed or aborted, so nothing can appear behind a reader's cursor.
ALTER TABLE lead_event
    ADD COLUMN txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX lead_event_feed ON lead_event (txid, id);
