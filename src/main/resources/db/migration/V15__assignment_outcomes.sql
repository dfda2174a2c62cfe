-- What became of each assignment, for the per-person SLA report: the deadline it was given with,
-- when its assignee answered (accepted or rejected), when its deadline passed unanswered.
ALTER TABLE lead_assignment
    ADD COLUMN sla_deadline timestamptz,
    ADD COLUMN answered_at  timestamptz,
    ADD COLUMN breached_at  timestamptz;
-- GET /api/v1/sla/people: the assignments of a period.
CREATE INDEX lead_assignment_assigned ON lead_assignment (assigned_at);
-- The open assignment of a lead, closed by an answer, a breach or a reassignment.
CREATE INDEX lead_assignment_open ON lead_assignment (lead_id) WHERE ended_at IS NULL;
DROP INDEX lead_assignment_lead;

-- The funnel grouped by who had each cycle: its assignee and queue (the last, when reassigned).
ALTER TABLE lead_cycle
    ADD COLUMN assignee text,
    ADD COLUMN queue    text;
-- The funnel's medians stay index-only with the new groups.
DROP INDEX lead_cycle_accepted;
CREATE INDEX lead_cycle_accepted ON lead_cycle (handed_off_at)
    INCLUDE (source, campaign, segment, owner, content, assignee, queue, seconds_to_accept,
             seconds_to_convert)
    WHERE accepted_at IS NOT NULL;
