-- Field feedback from sales on a lead: a quality rating and/or a remark of some kind.
CREATE TABLE lead_feedback (
    id           uuid        PRIMARY KEY,
    lead_id      uuid        NOT NULL REFERENCES lead (id),
    rating       integer     CHECK (rating BETWEEN 1 AND 5),
    kind         text        CHECK (kind IN ('OBJECTION', 'COMPLAINT', 'OBSERVATION', 'NOTE')),
    text         text,
    author_key_id uuid       NOT NULL,
    author_name  text        NOT NULL,
    author_role  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    CHECK (rating IS NOT NULL OR kind IS NOT NULL)
);
-- GET /api/v1/leads/{id}/feedback, oldest first.
CREATE INDEX lead_feedback_lead ON lead_feedback (lead_id, created_at, id);
