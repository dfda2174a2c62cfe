-- The statements Baton sends PostgreSQL for one accept (POST /api/v1/leads/{id}/accept), in
-- order, each one round trip, captured with log_statement = all. Hibernate's column lists are
-- shortened; its UPDATE sets every column, here the ones a accept changes. The lead is drawn
-- from bench_lead (setup.sql) inside the locking statement, which adds no round trip.
-- Run with: pgbench -M extended -D leads=<rows of bench_lead>. The API key is not read: Baton holds
-- the keys it has seen in memory.
\set n random(1, :leads)
BEGIN;
SELECT l.id, l.version FROM lead l JOIN bench_lead b ON b.id = l.id WHERE b.n = :n
    FOR UPDATE OF l \gset
UPDATE lead SET status = 'ACCEPTED', owner = 'jane@acme.com', accepted_at = now(),
        sla_state = 'MET', sla_decided_at = now(), version = CAST(:version AS bigint) + 1,
        updated_at = now()
    WHERE id = :id;
INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment, entered_generated,
        owner, accepted_at, sla_state, sla_decided_at)
    VALUES (:id, 0, now(), 'bench', 'wrk', 'mid-market', true, 'jane@acme.com', now(), 'MET', now())
    ON CONFLICT (lead_id, cycle) DO UPDATE SET owner = excluded.owner,
        accepted_at = excluded.accepted_at, sla_state = excluded.sla_state,
        sla_decided_at = excluded.sla_decided_at;
UPDATE lead_assignment SET answered_at = now(), ended_at = now()
    WHERE lead_id = :id AND ended_at IS NULL;
INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,
        actor_name, actor_role, from_status, to_status, data)
    VALUES (gen_random_uuid(), :id, 'lead.accepted', CAST(:version AS bigint) + 1, now(), NULL, 'bench',
        'ADMIN', 'QUALIFIED', 'ACCEPTED', '{"owner": "jane@acme.com"}')
    RETURNING *;
INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload, status,
        next_attempt_at, created_at)
    SELECT gen_random_uuid(), w.id, gen_random_uuid(), 'lead.accepted', CAST(:id AS uuid), '{}', 'PENDING',
        now(), now()
    FROM webhook w
    WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
        AND (w.event_types IS NULL OR 'lead.accepted' = ANY (w.event_types));
SELECT lead_id, system, external_id FROM lead_external_ref WHERE lead_id = :id;
COMMIT;
