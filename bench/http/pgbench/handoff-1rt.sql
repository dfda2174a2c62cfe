-- The durable writes of one handoff (handoff.sql) in ONE round trip: a single statement, sent
-- outside any BEGIN so that it commits on its own (synchronous_commit as shipped, as for
-- handoff.sql). It takes the person's advisory lock, checks for their open lead, finds their last
-- closed one (a comeback links to it), inserts the lead, its cycle, its lead.created event and
-- one webhook outbox row per subscribed webhook: the rows handoff.sql writes, in the same tables
-- under the same indexes. What it is the limit of: the work of a handoff, without the chatter.
--
-- One statement sees one snapshot, taken before the lock is granted: a racing handoff of the same
-- person that commits while this one waits for the lock is not seen by the open-lead check. The
-- unique index lead_open_email is what refuses the second one, here without an error (ON CONFLICT
-- … DO NOTHING waits for the other insert and then sees it): nothing is inserted, and the final
-- SELECT returns no new id, as a 409 would.
--
-- Checked against handoff.sql (pgbench -t 300 of each on a fresh schema with one webhook
-- subscribed to every event): per handoff, one lead, one lead_cycle, one lead_event and one
-- webhook_delivery row, with the same values (ids and times aside); none when the person has an
-- open lead. Run with: pgbench -M extended (no variables beyond the draw).
-- A new person each time: drawn from 9e18, no two draws of a run meet (from 2e9, a run now and
-- then drew a person twice, and the reference counted a handoff that wrote nothing).
\set n random(1, 9000000000000000000)
WITH person AS (
    SELECT 'pg1-' || CAST(:client_id AS text) || '-' || CAST(:n AS text) || '@example.com' AS email),
locked AS (
    SELECT email, pg_advisory_xact_lock(hashtextextended('person' || chr(58) || email, 0))
    FROM person),
open_lead AS (
    SELECT l.id FROM lead l, locked WHERE l.email_normalized = locked.email
        AND l.status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED')
    FETCH FIRST 1 ROWS ONLY),
last_closed AS (
    SELECT l.id FROM lead l, locked WHERE l.email_normalized = locked.email
        AND l.status IN ('CONVERTED', 'REJECTED')
    ORDER BY l.created_at DESC, l.id DESC FETCH FIRST 1 ROWS ONLY),
new_lead AS (
    INSERT INTO lead (id, status, email, email_normalized, first_name, source, campaign, segment,
            score, attributes, generated_at, recycle_count, version, created_at, updated_at,
            previous_lead_id)
    SELECT gen_random_uuid(), 'GENERATED', email, email, 'Ada', 'bench', 'wrk', 'mid-market', 50,
        '{}', now(), 0, 1, now(), now(), (SELECT id FROM last_closed)
    FROM locked
    WHERE NOT EXISTS (SELECT FROM open_lead)
    ON CONFLICT (email_normalized) WHERE status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED') DO NOTHING
    RETURNING *),
new_cycle AS (
    INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment,
            entered_generated)
    SELECT id, recycle_count, created_at, source, campaign, segment, true FROM new_lead
    ON CONFLICT (lead_id, cycle) DO UPDATE SET source = excluded.source,
        campaign = excluded.campaign, segment = excluded.segment),
created AS (
    INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,
            actor_name, actor_role, to_status, data)
    SELECT gen_random_uuid(), id, 'lead.created', version, created_at, NULL, 'bench', 'MARKETING',
        status, jsonb_build_object('score', score, 'source', source, 'status', status,
            'segment', segment, 'campaign', campaign)
    FROM new_lead
    RETURNING *),
outbox AS (
    INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload, status,
            next_attempt_at, created_at)
    SELECT gen_random_uuid(), w.id, e.event_id, e.type, e.lead_id, '{}', 'PENDING', now(), now()
    FROM created e, webhook w
    WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
        AND (w.event_types IS NULL OR e.type = ANY (w.event_types)))
SELECT l.*, e.id AS event_seq, e.txid FROM new_lead l, created e;
