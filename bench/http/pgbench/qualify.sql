-- The statements Baton sends PostgreSQL for one qualify (POST /api/v1/leads/{id}/qualify), in
-- order, each one round trip, captured with log_statement = all. Hibernate's column lists are
-- shortened; its UPDATE sets every column, here the ones a qualify changes. The lead is drawn
-- from bench_lead (setup.sql) inside the locking statement, which adds no round trip.
-- Run with: pgbench -M extended -D leads=<rows of bench_lead>. The API key is not read: Baton holds
-- the keys it has seen in memory.
\set n random(1, :leads)
BEGIN;
SELECT l.id, l.version FROM lead l JOIN bench_lead b ON b.id = l.id WHERE b.n = :n
    FOR UPDATE OF l \gset
SELECT id, policy, updated_at, updated_by FROM sla_policy WHERE id = true;
UPDATE lead SET status = 'QUALIFIED', score = 70, qualified_at = now(), sla_started_at = now(),
        sla_deadline = now() + interval '24 hours', sla_state = 'PENDING', sla_decided_at = NULL,
        version = CAST(:version AS bigint) + 1, updated_at = now()
    WHERE id = :id;
INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment, entered_generated,
        qualified_at, sla_started_at, sla_deadline, sla_state)
    VALUES (:id, 0, now(), 'bench', 'wrk', 'mid-market', true, now(), now(),
        now() + interval '24 hours', 'PENDING')
    ON CONFLICT (lead_id, cycle) DO UPDATE SET source = excluded.source,
        campaign = excluded.campaign, segment = excluded.segment,
        qualified_at = coalesce(lead_cycle.qualified_at, excluded.qualified_at),
        sla_state = excluded.sla_state;
INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,
        actor_name, actor_role, from_status, to_status, data)
    VALUES (gen_random_uuid(), :id, 'lead.qualified', CAST(:version AS bigint) + 1, now(), NULL, 'bench',
        'ADMIN', 'GENERATED', 'QUALIFIED', '{"score": 70}')
    RETURNING *;
INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload, status,
        next_attempt_at, created_at)
    SELECT gen_random_uuid(), w.id, gen_random_uuid(), 'lead.qualified', CAST(:id AS uuid), '{}', 'PENDING',
        now(), now()
    FROM webhook w
    WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
        AND (w.event_types IS NULL OR 'lead.qualified' = ANY (w.event_types));
SELECT id, policy, updated_at, updated_by FROM routing_policy WHERE id = true;
SELECT lead_id, system, external_id FROM lead_external_ref WHERE lead_id = :id;
COMMIT;
