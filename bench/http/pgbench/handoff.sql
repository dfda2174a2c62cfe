-- The statements Baton sends PostgreSQL for one handoff (POST /api/v1/leads of a new person, no
-- external ids), in order, each one round trip, captured with log_statement = all. Hibernate's
-- column lists are shortened to the columns given values; the values are those of
-- bench/http/handoff.lua (a colon inside a literal is written chr(58): pgbench would take it for a
-- variable). Run with: pgbench -M extended (variables are sent as parameters). The API key is not read: Baton
-- holds the keys it has seen in memory.
-- A new person each time: drawn from 9e18, no two draws of a run meet (from 2e9, a run now and
-- then drew a person twice, whose second handoff met the open lead's unique index).
\set n random(1, 9000000000000000000)
BEGIN;
-- The person's lock, then their open lead (a duplicate) and their last closed one (a comeback).
SELECT pg_advisory_xact_lock(hashtextextended('person' || chr(58) || 'pg-' || CAST(:client_id AS text) || '-' || CAST(:n AS text) || '@example.com', 0));
SELECT * FROM lead WHERE email_normalized = 'pg-' || CAST(:client_id AS text) || '-' || CAST(:n AS text) || '@example.com'
    AND status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED') FETCH FIRST 1 ROWS ONLY;
SELECT * FROM lead WHERE email_normalized = 'pg-' || CAST(:client_id AS text) || '-' || CAST(:n AS text) || '@example.com'
    AND status IN ('CONVERTED', 'REJECTED') ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY;
INSERT INTO lead (id, status, email, email_normalized, first_name, source, campaign, segment,
        score, attributes, generated_at, recycle_count, version, created_at, updated_at)
    VALUES (gen_random_uuid(), 'GENERATED', 'pg-' || CAST(:client_id AS text) || '-' || CAST(:n AS text) || '@example.com',
        'pg-' || CAST(:client_id AS text) || '-' || CAST(:n AS text) || '@example.com', 'Ada', 'bench', 'wrk', 'mid-market',
        50, '{}', now(), 0, 1, now(), now())
    RETURNING id \gset
INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment, entered_generated)
    VALUES (:id, 0, now(), 'bench', 'wrk', 'mid-market', true)
    ON CONFLICT (lead_id, cycle) DO UPDATE SET source = excluded.source,
        campaign = excluded.campaign, segment = excluded.segment;
INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_key_id,
        actor_name, actor_role, to_status, data)
    VALUES (gen_random_uuid(), :id, 'lead.created', 1, now(), NULL, 'bench', 'MARKETING',
        'GENERATED', '{"score": 50, "source": "bench", "status": "GENERATED", "segment": "mid-market", "campaign": "wrk"}')
    RETURNING *;
INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, lead_id, payload, status,
        next_attempt_at, created_at)
    SELECT gen_random_uuid(), w.id, gen_random_uuid(), 'lead.created', CAST(:id AS uuid), '{}', 'PENDING',
        now(), now()
    FROM webhook w
    WHERE w.deleted_at IS NULL AND w.state <> 'DISABLED'
        AND (w.event_types IS NULL OR 'lead.created' = ANY (w.event_types));
COMMIT;
