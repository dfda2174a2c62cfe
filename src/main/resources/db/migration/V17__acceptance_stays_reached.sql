-- The funnel's reached.accepted counts the cycles that sales accepted, whatever happened next. A
-- rejection after an acceptance, overturned after a dispute, sends the lead back to QUALIFIED and
-- clears the cycle's accepted_at (the hours to accept run from the new entry into QUALIFIED); the
-- acceptance itself happened, and stays counted: was_accepted, set on every write that sees an
-- acceptance and never unset. The funnel counts accepted_at IS NOT NULL OR was_accepted, so the
-- rows written before this migration need no update but those whose acceptance was withdrawn.
ALTER TABLE lead_cycle ADD COLUMN was_accepted boolean NOT NULL DEFAULT false;

-- Only an overturned dispute withdraws an acceptance: the history of those cycles tells.
UPDATE lead_cycle c SET was_accepted = true
WHERE c.disputes_overturned > 0
  AND EXISTS (
      SELECT 1 FROM lead_event e
      WHERE e.lead_id = c.lead_id AND e.type = 'lead.accepted'
        AND e.occurred_at >= c.handed_off_at
        AND e.occurred_at < coalesce((SELECT min(n.handed_off_at) FROM lead_cycle n
                                      WHERE n.lead_id = c.lead_id AND n.cycle > c.cycle),
                                     'infinity'));
