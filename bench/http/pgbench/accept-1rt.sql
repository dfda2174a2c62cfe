-- The durable writes of one accept (accept.sql) in ONE round trip: a single statement, sent
-- outside any BEGIN so that it commits on its own (synchronous_commit as shipped). The UPDATE
-- locks the lead and moves it only from QUALIFIED, as Baton's funnel allows (an If-Match would add
-- "AND l.version = <its version>"; the benchmark's requests send none): of two racing moves,
-- PostgreSQL re-checks the condition on the row the first one committed, so exactly one writes.
-- The acceptance clock stops: MET within the deadline, BREACHED after it. Then the cycle upsert,
-- the end of the lead's open assignment (lead_assignment),
-- the lead.accepted event and one webhook outbox row per subscribed webhook; the final SELECT also
-- reads the lead's external ids, as Baton does for its answer.
--
-- Checked against accept.sql (pgbench -t 300 of each on leads of the same kind, with one webhook
-- subscribed to every event): per move, one lead updated, one lead_cycle upserted, one
-- lead_event and one webhook_delivery row inserted, with the same values (ids and times aside);
-- none for a lead that is not QUALIFIED.
-- Run with: pgbench -M extended -D k=0 -D clients=<clients>, after pool.sql with from=QUALIFIED.
\set n :k * :clients + :client_id + 1
\set k :k + 1
WITH moved AS (
    UPDATE lead l SET status = 'ACCEPTED', owner = 'jane@acme.com', accepted_at = now(),
        sla_state = CASE WHEN l.sla_deadline IS NULL THEN l.sla_state
                         WHEN now() <= l.sla_deadline THEN 'MET' ELSE 'BREACHED' END,
        sla_decided_at = CASE WHEN l.sla_deadline IS NULL THEN l.sla_decided_at ELSE now() END,
        version = l.version + 1, updated_at = now()
    FROM bench_move b
    WHERE b.n = :n AND l.id = b.id AND l.status = 'QUALIFIED'
    RETURNING l.*),
cycle AS (
    INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment,
            entered_generated, owner, accepted_at, sla_state, sla_decided_at)
    SELECT id, recycle_count, created_at, source, campaign, segment, generated_at IS NOT NULL,
        owner, accepted_at, sla_state, sla_decided_at
    FROM moved
    ON CONFLICT (lead_id, cycle) DO UPDATE SET owner = excluded.owner,
        accepted_at = excluded.accepted_at, sla_state = excluded.sla_state,
        sla_decided_at = excluded.sla_decided_at),
assignment AS (
    UPDATE lead_assignment a SET answered_at = m.accepted_at, ended_at = m.accepted_at
    FROM moved m WHERE a.lead_id = m.id AND a.ended_at IS NULL),
event AS (
    INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,
            actor_name, actor_role, from_status, to_status, data)
    SELECT gen_random_uuid(), id, 'lead.accepted', version, updated_at, NULL, 'bench', 'ADMIN',
        'QUALIFIED', status, jsonb_build_object('owner', owner)
    FROM moved
    RETURNING *),
outbox AS (
    INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload, status,
            next_attempt_at, created_at)
    SELECT gen_random_uuid(), w.id, e.event_id, e.type, e.lead_id, '{}', 'PENDING', now(), now()
    FROM event e, webhook w
    WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
        AND (w.event_types IS NULL OR e.type = ANY (w.event_types)))
SELECT m.*, e.id AS event_seq, e.txid,
    (SELECT json_agg(json_build_object('system', r.system, 'id', r.external_id))
         FROM lead_external_ref r WHERE r.lead_id = m.id) AS external_refs
FROM moved m, event e;
