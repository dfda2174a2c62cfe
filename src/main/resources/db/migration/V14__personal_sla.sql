-- The acceptance clock's warning: when it is due (a share of the time allowed, from the policy),
-- and when it was sent, so that it is sent once.
ALTER TABLE lead
    ADD COLUMN sla_warn_at   timestamptz,
    ADD COLUMN sla_warned_at timestamptz;
-- The breach job's other work: warnings due on running clocks, earliest first.
CREATE INDEX lead_sla_warn_due ON lead (sla_warn_at)
    WHERE sla_state = 'PENDING' AND sla_warned_at IS NULL AND sla_warn_at IS NOT NULL;
