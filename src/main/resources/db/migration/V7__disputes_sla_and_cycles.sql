-- The acceptance SLA of a qualified lead: the clock starts when it enters QUALIFIED (again, after
-- an overturned rejection); sales answers (accept or reject) before the deadline, or it is breached.
ALTER TABLE lead
    ADD COLUMN sla_started_at timestamptz,
    ADD COLUMN sla_deadline   timestamptz,
    ADD COLUMN sla_state      text CHECK (sla_state IN ('PENDING', 'MET', 'BREACHED')),
    ADD COLUMN sla_decided_at timestamptz;
-- The breach job's work: pending clocks, earliest deadline first.
CREATE INDEX lead_sla_due ON lead (sla_deadline) WHERE sla_state = 'PENDING';
-- GET /api/v1/leads?slaState=…
CREATE INDEX lead_sla_state ON lead (sla_state, created_at, id) WHERE sla_state IS NOT NULL;
-- The SLA report's leads waiting now (and overdue), counted from the index alone.
CREATE INDEX lead_waiting ON lead (segment) INCLUDE (sla_deadline) WHERE status = 'QUALIFIED';

-- The lead's latest dispute of a rejection (every dispute is also in the lead's history).
ALTER TABLE lead
    ADD COLUMN dispute_state           text CHECK (dispute_state IN ('OPEN', 'UPHELD', 'OVERTURNED')),
    ADD COLUMN dispute_reason          text,
    ADD COLUMN dispute_note            text,
    ADD COLUMN disputed_at             timestamptz,
    ADD COLUMN disputed_by             text,
    ADD COLUMN dispute_resolved_at     timestamptz,
    ADD COLUMN dispute_resolved_by     text,
    ADD COLUMN dispute_resolution_note text;

-- The SLA policy: one row, the whole policy as a JSON document (small, read at each qualification).
CREATE TABLE sla_policy (
    id         boolean     PRIMARY KEY DEFAULT true CHECK (id),
    policy     jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
INSERT INTO sla_policy (policy, updated_at, updated_by)
    VALUES ('{"acceptanceHours": 24, "segments": []}', now(), 'default');

-- The funnel's facts, one row per cycle of a lead (a handoff, then one more per recycle), kept in
-- the transaction of every change. GET /api/v1/funnel and GET /api/v1/sla aggregate these rows
-- only: a cohort is a range of one index, and no event is replayed at read time.
CREATE TABLE lead_cycle (
    lead_id               uuid        NOT NULL REFERENCES lead (id),
    cycle                 integer     NOT NULL,
    handed_off_at         timestamptz NOT NULL,
    source                text        NOT NULL,
    campaign              text,
    segment               text,
    content               text,
    owner                 text,
    entered_generated     boolean     NOT NULL,
    qualified_at          timestamptz,
    accepted_at           timestamptz,
    rejected_at           timestamptz,
    converted_at          timestamptz,
    recycled_at           timestamptz,
    rejection_reason      text,
    rejection_accountable text,
    amount                numeric(19, 4),
    currency              text,
    sla_started_at        timestamptz,
    sla_deadline          timestamptz,
    sla_state             text,
    sla_decided_at        timestamptz,
    rating_sum            integer     NOT NULL DEFAULT 0,
    rating_count          integer     NOT NULL DEFAULT 0,
    disputes_opened       integer     NOT NULL DEFAULT 0,
    disputes_overturned   integer     NOT NULL DEFAULT 0,
    -- Breaches of the cycle's clocks: an overturned rejection restarts the clock, not the count.
    sla_breaches          integer     NOT NULL DEFAULT 0,
    -- The durations the reports take medians of, computed once per write rather than per read.
    seconds_to_accept     double precision GENERATED ALWAYS AS
                          (extract(epoch FROM accepted_at - coalesce(sla_started_at, qualified_at))) STORED,
    seconds_to_convert    double precision GENERATED ALWAYS AS
                          (extract(epoch FROM converted_at - accepted_at)) STORED,
    seconds_to_decision   double precision GENERATED ALWAYS AS
                          (extract(epoch FROM sla_decided_at - sla_started_at)) STORED,
    PRIMARY KEY (lead_id, cycle)
);
-- The funnel's cohort: cycles handed off in [from, to).
CREATE INDEX lead_cycle_handed_off ON lead_cycle (handed_off_at);
-- The funnel's medians: the accepted cycles of the cohort, read from the index alone.
CREATE INDEX lead_cycle_accepted ON lead_cycle (handed_off_at)
    INCLUDE (source, campaign, segment, owner, content, seconds_to_accept, seconds_to_convert)
    WHERE accepted_at IS NOT NULL;
-- The SLA report's cohort: cycles first qualified in [from, to), read from the index alone.
CREATE INDEX lead_cycle_qualified ON lead_cycle (qualified_at)
    INCLUDE (segment, accepted_at, rejection_reason, rejection_accountable, sla_deadline,
             sla_state, sla_decided_at, sla_breaches, seconds_to_decision)
    WHERE qualified_at IS NOT NULL;

-- Leads written before this migration: one cycle each, their current one.
INSERT INTO lead_cycle (lead_id, cycle, handed_off_at, source, campaign, segment, content, owner,
                        entered_generated, qualified_at, accepted_at, rejected_at, converted_at,
                        rejection_reason, rejection_accountable, amount, currency)
SELECT l.id, l.recycle_count, coalesce(l.generated_at, l.created_at), l.source, l.campaign,
       l.segment, l.content, l.owner, l.generated_at IS NOT NULL, l.qualified_at, l.accepted_at,
       l.rejected_at, l.converted_at, l.rejection_reason, r.accountable, l.amount, l.currency
FROM lead l LEFT JOIN rejection_reason r ON r.code = l.rejection_reason;
