-- The durable writes of one qualify (qualify.sql) in ONE round trip: a single statement, sent
-- outside any BEGIN so that it commits on its own (synchronous_commit as shipped). The UPDATE
-- locks the lead and moves it only from GENERATED, as Baton's funnel allows (an If-Match would add
-- "AND l.version = <its version>"; the benchmark's requests send none): a racing move that commits
-- first makes PostgreSQL re-check the condition on the new row, so exactly one of two racing moves
-- writes, the other writes nothing (a 409). The acceptance deadline comes from the SLA policy
-- (the lead's segment's hours, else the policy's); the routing policy is read too, as Baton
-- does. Then the cycle upsert, the lead.qualified event
-- and one webhook outbox row per subscribed webhook; the final SELECT also reads the lead's
-- external ids, as Baton does for its answer.
--
-- Checked against qualify.sql (pgbench -t 300 of each on leads of the same kind, with one webhook
-- subscribed to every event): per move, one lead updated, one lead_cycle upserted, one
-- lead_event and one webhook_delivery row inserted, with the same values (ids and times aside);
-- none for a lead that is not GENERATED.
-- Run with: pgbench -M extended -D k=0 -D clients=<clients>, after pool.sql with from=GENERATED.
\set n :k * :clients + :client_id + 1
\set k :k + 1
WITH policy AS (
    SELECT policy FROM sla_policy WHERE id = true),
routing AS (
    SELECT policy FROM routing_policy WHERE id = true),
moved AS (
    UPDATE lead l SET status = 'QUALIFIED', score = 70, qualified_at = now(),
        sla_started_at = now(),
        sla_deadline = now() + make_interval(hours => (
            SELECT coalesce((SELECT CAST(s ->> 'acceptanceHours' AS int)
                                 FROM jsonb_array_elements(p.policy -> 'segments') s
                                 WHERE s ->> 'segment' = l.segment),
                            CAST(p.policy ->> 'acceptanceHours' AS int))
            FROM policy p)),
        sla_state = 'PENDING', sla_decided_at = NULL, version = l.version + 1, updated_at = now()
    FROM bench_move b
    WHERE b.n = :n AND l.id = b.id AND l.status = 'GENERATED'
    RETURNING l.*),
cycle AS (
    INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment,
            entered_generated, qualified_at, sla_started_at, sla_deadline, sla_state)
    SELECT id, recycle_count, created_at, source, campaign, segment, true, qualified_at,
        sla_started_at, sla_deadline, sla_state
    FROM moved
    ON CONFLICT (lead_id, cycle) DO UPDATE SET source = excluded.source,
        campaign = excluded.campaign, segment = excluded.segment,
        qualified_at = coalesce(lead_cycle.qualified_at, excluded.qualified_at),
        sla_state = excluded.sla_state),
event AS (
    INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,
            actor_name, actor_role, from_status, to_status, data)
    SELECT gen_random_uuid(), id, 'lead.qualified', version, updated_at, NULL, 'bench', 'ADMIN',
        'GENERATED', status, jsonb_build_object('score', score)
    FROM moved
    RETURNING *),
outbox AS (
    INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload, status,
            next_attempt_at, created_at)
    SELECT gen_random_uuid(), w.id, e.event_id, e.type, e.lead_id, '{}', 'PENDING', now(), now()
    FROM event e, webhook w
    WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
        AND (w.event_types IS NULL OR e.type = ANY (w.event_types)))
SELECT m.*, e.id AS event_seq, e.txid, (SELECT policy FROM routing) AS routing,
    (SELECT json_agg(json_build_object('system', r.system, 'id', r.external_id))
         FROM lead_external_ref r WHERE r.lead_id = m.id) AS external_refs
FROM moved m, event e;
