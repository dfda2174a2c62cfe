-- Fills a Baton database with a realistic year of leads, their funnel facts (lead_cycle), events
-- and feedback, straight in SQL. Run on a migrated, empty database:
--   psql -v leads=1000000 -f bench/metrics/generate.sql <database>
-- Shape of the year: 12 sources of uneven weight, 200 campaigns, 4 segments, 50 content assets,
-- 30 sales owners; half the leads arrive already QUALIFIED, 80% are qualified at all; sales
-- accepts 60% and rejects 30% of the qualified (reasons from the default catalog, weighted),
-- answering after an exponentially distributed delay (mean 10 h, so that about 9% breach a 24 h
-- SLA); a quarter of the accepted convert, in EUR, USD or GBP; 30% of the answered get a rating;
-- 5% of the rejections are disputed, 40% of those overturned; 5% of the rejected leads were
-- recycled into a second cycle.
\if :{?leads}
\else
  \set leads 1000000
\endif
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET max_parallel_workers_per_gather = 0;

CREATE TEMP TABLE plan AS
SELECT n,
       gen_random_uuid() AS id,
       now() - interval '1 hour' - random() * interval '365 days' AS t0,
       (ARRAY['webinar', 'paid-search', 'organic', 'linkedin', 'events', 'partner',
              'content-syndication', 'referral', 'email', 'trade-show', 'direct', 'review-sites'])
           [1 + floor(power(random(), 1.6) * 12)::int] AS source,
       'cmp-' || floor(random() * 200)::int AS campaign,
       (ARRAY['smb', 'mid-market', 'enterprise', 'public-sector'])[1 + floor(random() * 4)::int] AS segment,
       'asset-' || floor(random() * 50)::int AS content,
       'rep' || floor(random() * 30)::int || '@example.com' AS owner,
       random() < 0.5 AS direct,
       random() AS r_qualify, random() AS r_decide, random() AS r_convert,
       -ln(1 - random()) * 10 AS answer_hours,
       random() * 72 AS qualify_hours,
       random() * 60 AS convert_days,
       (ARRAY['NOT_ICP', 'NOT_ICP', 'NOT_ICP', 'BAD_CONTACT_DATA', 'BAD_CONTACT_DATA', 'SPAM',
              'DUPLICATE', 'EXISTING_CUSTOMER', 'STUDENT_OR_JOB_SEEKER', 'COMPETITOR', 'NO_NEED',
              'NO_NEED', 'NO_BUDGET', 'NO_BUDGET', 'NO_AUTHORITY', 'BAD_TIMING', 'BAD_TIMING',
              'CHOSE_COMPETITOR', 'UNRESPONSIVE', 'UNRESPONSIVE'])[1 + floor(random() * 20)::int] AS reason,
       round((500 + random() * 49500)::numeric, 2) AS amount,
       (ARRAY['EUR', 'EUR', 'USD', 'GBP'])[1 + floor(random() * 4)::int] AS currency,
       CASE WHEN random() < 0.3 THEN 1 + floor(random() * 5)::int END AS rating,
       random() AS r_dispute, random() AS r_recycle
FROM generate_series(1, :leads) n;

-- Each lead's first cycle, as it ended (or stands).
CREATE TEMP TABLE cycle0 AS
SELECT p.*,
       CASE WHEN p.direct THEN p.t0
            WHEN p.r_qualify < 0.6 THEN p.t0 + p.qualify_hours * interval '1 hour' END AS qualified_at
FROM plan p;
ALTER TABLE cycle0 ADD COLUMN answered_at timestamptz, ADD COLUMN accepted_at timestamptz,
    ADD COLUMN rejected_at timestamptz, ADD COLUMN converted_at timestamptz,
    ADD COLUMN rejection_reason text, ADD COLUMN disputed boolean NOT NULL DEFAULT false,
    ADD COLUMN overturned boolean NOT NULL DEFAULT false, ADD COLUMN recycled_at timestamptz;
UPDATE cycle0 SET qualified_at = NULL WHERE qualified_at > now();
UPDATE cycle0 SET answered_at = qualified_at + answer_hours * interval '1 hour'
    WHERE qualified_at IS NOT NULL AND r_decide < 0.9
      AND qualified_at + answer_hours * interval '1 hour' < now();
UPDATE cycle0 SET accepted_at = answered_at WHERE answered_at IS NOT NULL AND r_decide < 0.6;
UPDATE cycle0 SET rejected_at = answered_at, rejection_reason = reason
    WHERE answered_at IS NOT NULL AND r_decide >= 0.6;
-- Marketing rejects some inquiries itself, before qualification.
UPDATE cycle0 SET rejected_at = t0 + interval '2 hours', rejection_reason = 'SPAM'
    WHERE qualified_at IS NULL AND r_qualify > 0.95;
UPDATE cycle0 SET converted_at = accepted_at + convert_days * interval '1 day'
    WHERE accepted_at IS NOT NULL AND r_convert < 0.25
      AND accepted_at + convert_days * interval '1 day' < now();
UPDATE cycle0 SET disputed = true, overturned = r_dispute < 0.02
    WHERE rejected_at IS NOT NULL AND qualified_at IS NOT NULL AND r_dispute < 0.05;
UPDATE cycle0 SET recycled_at = rejected_at + interval '30 days'
    WHERE rejected_at IS NOT NULL AND NOT overturned AND r_recycle < 0.05
      AND rejected_at + interval '30 days' < now();

-- Overturned leads are QUALIFIED again, waiting, their clock restarted at the overturn.
CREATE TEMP TABLE facts AS
SELECT c.*,
       CASE WHEN overturned THEN rejected_at + interval '1 day' ELSE qualified_at END AS clock_at,
       CASE WHEN overturned THEN NULL ELSE answered_at END AS decided_at
FROM cycle0 c;
UPDATE facts SET rejected_at = NULL, rejection_reason = NULL WHERE overturned;

CREATE TEMP TABLE cycles (LIKE lead_cycle INCLUDING DEFAULTS INCLUDING GENERATED);
INSERT INTO cycles (lead_id, cycle, handed_off_at, source, campaign, segment, content, owner,
                    entered_generated, qualified_at, accepted_at, rejected_at, converted_at,
                    recycled_at, rejection_reason, rejection_accountable, amount, currency,
                    sla_started_at, sla_deadline, sla_state, sla_decided_at, rating_sum,
                    rating_count, disputes_opened, disputes_overturned, sla_breaches)
SELECT f.id, 0, f.t0, f.source, f.campaign, f.segment, f.content,
       CASE WHEN f.accepted_at IS NOT NULL THEN f.owner END, NOT f.direct, f.qualified_at,
       f.accepted_at, f.rejected_at, f.converted_at, f.recycled_at, f.rejection_reason,
       r.accountable, CASE WHEN f.converted_at IS NOT NULL THEN f.amount END,
       CASE WHEN f.converted_at IS NOT NULL THEN f.currency END,
       f.clock_at, f.clock_at + interval '24 hours',
       CASE WHEN f.clock_at IS NULL THEN NULL
            WHEN f.decided_at IS NOT NULL AND f.decided_at <= f.clock_at + interval '24 hours' THEN 'MET'
            WHEN f.decided_at IS NULL AND now() < f.clock_at + interval '24 hours' THEN 'PENDING'
            ELSE 'BREACHED' END,
       f.decided_at,
       CASE WHEN f.decided_at IS NOT NULL THEN coalesce(f.rating, 0) ELSE 0 END,
       CASE WHEN f.decided_at IS NOT NULL AND f.rating IS NOT NULL THEN 1 ELSE 0 END,
       f.disputed::int, f.overturned::int,
       CASE WHEN f.clock_at IS NOT NULL AND coalesce(f.decided_at, now())
                 > f.clock_at + interval '24 hours' THEN 1 ELSE 0 END
FROM facts f LEFT JOIN rejection_reason r ON r.code = f.rejection_reason;

-- The second cycle of the recycled: back in nurture since the recycle.
INSERT INTO cycles (lead_id, cycle, handed_off_at, source, campaign, segment, content,
                    entered_generated)
SELECT id, 1, recycled_at, source, campaign, segment, content, true
FROM facts WHERE recycled_at IS NOT NULL;

INSERT INTO lead (id, status, email, email_normalized, first_name, last_name, company_name,
                  company_domain, source, campaign, content, segment, owner, generated_at,
                  qualified_at, accepted_at, rejected_at, converted_at, rejection_reason,
                  amount, currency, recycle_count, sla_started_at, sla_deadline, sla_state,
                  sla_decided_at, dispute_state, dispute_reason, dispute_note, disputed_at,
                  disputed_by, version, created_at, updated_at, attributes)
SELECT c.lead_id,
       CASE WHEN f.recycled_at IS NOT NULL THEN 'GENERATED'
            WHEN c.converted_at IS NOT NULL THEN 'CONVERTED'
            WHEN c.rejected_at IS NOT NULL THEN 'REJECTED'
            WHEN c.accepted_at IS NOT NULL THEN 'ACCEPTED'
            WHEN c.qualified_at IS NOT NULL THEN 'QUALIFIED'
            ELSE 'GENERATED' END,
       'lead-' || f.n || '@example.com', 'lead-' || f.n || '@example.com', 'First' || f.n,
       'Last' || f.n, 'Company ' || (f.n % 50000), 'company' || (f.n % 50000) || '.example',
       c.source, c.campaign, c.content, c.segment, c.owner,
       CASE WHEN f.recycled_at IS NOT NULL THEN f.recycled_at WHEN NOT f.direct THEN f.t0 END,
       CASE WHEN f.recycled_at IS NULL THEN c.sla_started_at END,
       CASE WHEN f.recycled_at IS NULL THEN c.accepted_at END,
       CASE WHEN f.recycled_at IS NULL THEN c.rejected_at END,
       c.converted_at,
       CASE WHEN f.recycled_at IS NULL THEN c.rejection_reason END,
       c.amount, c.currency, CASE WHEN f.recycled_at IS NOT NULL THEN 1 ELSE 0 END,
       CASE WHEN f.recycled_at IS NULL THEN c.sla_started_at END,
       CASE WHEN f.recycled_at IS NULL THEN c.sla_deadline END,
       CASE WHEN f.recycled_at IS NULL THEN c.sla_state END,
       CASE WHEN f.recycled_at IS NULL THEN c.sla_decided_at END,
       CASE WHEN f.disputed AND f.recycled_at IS NULL
            THEN CASE WHEN f.overturned THEN 'OVERTURNED' ELSE 'UPHELD' END END,
       CASE WHEN f.disputed AND f.recycled_at IS NULL THEN f.reason END,
       CASE WHEN f.disputed AND f.recycled_at IS NULL THEN 'Fits the ideal customer profile' END,
       CASE WHEN f.disputed AND f.recycled_at IS NULL THEN f.answered_at + interval '2 hours' END,
       CASE WHEN f.disputed AND f.recycled_at IS NULL THEN 'marketing-automation' END,
       3, f.t0, greatest(f.t0, coalesce(f.recycled_at, c.converted_at, c.rejected_at,
                                        c.accepted_at, c.sla_started_at, f.t0)), '{}'
FROM cycles c JOIN facts f ON f.id = c.lead_id
WHERE c.cycle = 0
ORDER BY f.t0;

-- In time order, as a running service writes them.
INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment, content, owner,
                        entered_generated, qualified_at, accepted_at, rejected_at, converted_at,
                        recycled_at, rejection_reason, rejection_accountable, amount, currency,
                        sla_started_at, sla_deadline, sla_state, sla_decided_at, rating_sum,
                        rating_count, disputes_opened, disputes_overturned, sla_breaches)
SELECT lead_id, cycle, handed_off_at, source, campaign, segment, content, owner,
       entered_generated, qualified_at, accepted_at, rejected_at, converted_at, recycled_at,
       rejection_reason, rejection_accountable, amount, currency, sla_started_at, sla_deadline,
       sla_state, sla_decided_at, rating_sum, rating_count, disputes_opened, disputes_overturned,
       sla_breaches
FROM cycles ORDER BY handed_off_at;

-- Events: each lead's history as the service would have written it.
INSERT INTO lead_event (event_id, lead_id, type, lead_version, occurred_at, actor_name,
                        actor_role, from_status, to_status, data)
SELECT gen_random_uuid(), e.lead_id, e.type, e.version, e.at, e.actor, e.role, e.from_status,
       e.to_status, e.data
FROM (
    SELECT id AS lead_id, 'lead.created' AS type, 1 AS version, t0 AS at,
           'marketing-automation' AS actor, 'MARKETING' AS role, NULL AS from_status,
           CASE WHEN direct THEN 'QUALIFIED' ELSE 'GENERATED' END AS to_status,
           jsonb_build_object('source', source, 'campaign', campaign, 'segment', segment) AS data
    FROM facts
    UNION ALL
    SELECT id, 'lead.qualified', 2, qualified_at, 'marketing-automation', 'MARKETING',
           'GENERATED', 'QUALIFIED', '{}'
    FROM facts WHERE qualified_at IS NOT NULL AND NOT direct
    UNION ALL
    SELECT id, 'lead.accepted', 3, accepted_at, 'crm', 'SALES', 'QUALIFIED', 'ACCEPTED',
           jsonb_build_object('owner', owner)
    FROM facts WHERE accepted_at IS NOT NULL
    UNION ALL
    SELECT id, 'lead.rejected', 3, answered_at, 'crm', 'SALES', 'QUALIFIED', 'REJECTED',
           jsonb_build_object('reason', reason)
    FROM facts WHERE answered_at IS NOT NULL AND accepted_at IS NULL
    UNION ALL
    SELECT id, 'lead.converted', 4, converted_at, 'crm', 'SALES', 'ACCEPTED', 'CONVERTED',
           jsonb_build_object('amount', amount, 'currency', currency)
    FROM facts WHERE converted_at IS NOT NULL
    UNION ALL
    SELECT id, 'lead.recycled', 5, recycled_at, 'marketing-automation', 'MARKETING', 'REJECTED',
           'GENERATED', '{}'
    FROM facts WHERE recycled_at IS NOT NULL
) e
ORDER BY e.at;

INSERT INTO lead_feedback (id, lead_id, rating, author_key_id, author_name, author_role, created_at)
SELECT gen_random_uuid(), id, rating, '00000000-0000-0000-0000-000000000000', 'crm', 'SALES',
       decided_at + interval '1 hour'
FROM facts WHERE rating IS NOT NULL AND decided_at IS NOT NULL;

DROP TABLE plan, cycle0, facts, cycles;
VACUUM ANALYZE lead;
VACUUM ANALYZE lead_cycle;
VACUUM ANALYZE lead_event;
VACUUM ANALYZE lead_feedback;
SELECT (SELECT count(*) FROM lead) AS leads, (SELECT count(*) FROM lead_cycle) AS cycles,
       (SELECT count(*) FROM lead_event) AS events;
