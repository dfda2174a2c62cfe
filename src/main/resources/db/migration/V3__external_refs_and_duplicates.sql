-- The person behind a lead, as compared for duplicates: trimmed and case-folded.
ALTER TABLE lead ADD COLUMN email_normalized text;
UPDATE lead SET email_normalized = lower(btrim(email));
ALTER TABLE lead ALTER COLUMN email_normalized SET NOT NULL;

-- A person may come back after a converted or rejected lead: the new lead links to the last one.
ALTER TABLE lead ADD COLUMN previous_lead_id uuid REFERENCES lead (id);

-- One open lead per person, enforced by the database so that simultaneous handoffs cannot both
-- win. Also the index of the email filter of GET /api/v1/leads and of the previous-lead lookup.
CREATE UNIQUE INDEX lead_open_email ON lead (email_normalized)
    WHERE status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED');
DROP INDEX lead_email;
CREATE INDEX lead_email ON lead (email_normalized, created_at);

-- A lead's ids in other systems: one lead per (system, id), one id per system and lead.
CREATE TABLE lead_external_ref (
    lead_id     uuid NOT NULL REFERENCES lead (id),
    system      text NOT NULL,
    external_id text NOT NULL,
    PRIMARY KEY (system, external_id),
    CONSTRAINT lead_external_ref_one_per_system UNIQUE (lead_id, system)
);
