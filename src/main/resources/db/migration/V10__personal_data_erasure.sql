-- Erasure of a person (DELETE /api/v1/leads/{id}/personal-data): the lead keeps its anonymous
-- funnel facts, its contact goes. An erased lead has no email, so it matches no later handoff.
ALTER TABLE lead
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN email_normalized DROP NOT NULL,
    ADD COLUMN erased_at timestamptz,
    ADD CONSTRAINT lead_email_unless_erased
        CHECK ((erased_at IS NULL) = (email IS NOT NULL AND email_normalized IS NOT NULL));

-- The leads that point back to a lead (a person who came back), to find a person's other leads.
CREATE INDEX lead_previous ON lead (previous_lead_id) WHERE previous_lead_id IS NOT NULL;
