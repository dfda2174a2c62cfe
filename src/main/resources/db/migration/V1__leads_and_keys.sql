-- API keys: only the SHA-256 of a key is stored; the key itself is shown once at creation.
CREATE TABLE api_key (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('MARKETING', 'SALES', 'ANALYST', 'ADMIN')),
    key_hash    text        NOT NULL UNIQUE,
    key_prefix  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX api_key_created ON api_key (created_at, id);

-- The rejection reason catalog: data, editable by an admin.
CREATE TABLE rejection_reason (
    code          text        PRIMARY KEY,
    label         text        NOT NULL,
    accountable   text        NOT NULL CHECK (accountable IN ('MARKETING', 'SALES', 'NONE')),
    requires_note boolean     NOT NULL DEFAULT false,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

INSERT INTO rejection_reason (code, label, accountable, requires_note) VALUES
    ('NOT_ICP', 'Not the ideal customer profile (wrong segment or persona)', 'MARKETING', false),
    ('BAD_CONTACT_DATA', 'Contact data is wrong or unreachable', 'MARKETING', false),
    ('SPAM', 'Spam or fake submission', 'MARKETING', false),
    ('DUPLICATE', 'Duplicate of another lead', 'MARKETING', false),
    ('EXISTING_CUSTOMER', 'Already a customer', 'MARKETING', false),
    ('STUDENT_OR_JOB_SEEKER', 'Student or job seeker', 'MARKETING', false),
    ('COMPETITOR', 'Works for a competitor', 'MARKETING', false),
    ('NO_NEED', 'No need for the offer', 'NONE', false),
    ('NO_BUDGET', 'No budget', 'NONE', false),
    ('NO_AUTHORITY', 'No decision authority', 'NONE', false),
    ('BAD_TIMING', 'Bad timing', 'NONE', false),
    ('CHOSE_COMPETITOR', 'Chose a competitor', 'NONE', false),
    ('UNRESPONSIVE', 'Sales could not reach the lead', 'SALES', false),
    ('OTHER', 'Other (explain in the note)', 'NONE', true);

CREATE TABLE lead (
    id                  uuid        PRIMARY KEY,
    status              text        NOT NULL
                        CHECK (status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED', 'CONVERTED', 'REJECTED')),
    email               text        NOT NULL,
    first_name          text,
    last_name           text,
    phone               text,
    job_title           text,
    company_name        text,
    company_domain      text,
    company_industry    text,
    company_size        text,
    company_country     text,
    source              text        NOT NULL,
    campaign            text,
    medium              text,
    content             text,
    term                text,
    utm_source          text,
    utm_medium          text,
    utm_campaign        text,
    utm_term            text,
    utm_content         text,
    segment             text,
    score               integer     CHECK (score BETWEEN 0 AND 100),
    qualification_note  text,
    owner               text,
    consent_granted     boolean,
    consent_captured_at timestamptz,
    consent_source      text,
    attributes          jsonb       NOT NULL DEFAULT '{}',
    generated_at        timestamptz,
    qualified_at        timestamptz,
    accepted_at         timestamptz,
    rejected_at         timestamptz,
    converted_at        timestamptz,
    rejection_reason    text        REFERENCES rejection_reason (code),
    rejection_note      text,
    opportunity_ref     text,
    amount              numeric(19, 4),
    currency            text        CHECK (currency ~ '^[A-Z]{3}$'),
    recycle_count       integer     NOT NULL DEFAULT 0,
    version             bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
-- GET /api/v1/leads pages by (created_at, id); each filter narrows with its own index.
CREATE INDEX lead_created ON lead (created_at, id);
CREATE INDEX lead_status ON lead (status, created_at, id);
CREATE INDEX lead_source ON lead (source, created_at, id);
CREATE INDEX lead_campaign ON lead (campaign, created_at, id) WHERE campaign IS NOT NULL;
CREATE INDEX lead_segment ON lead (segment, created_at, id) WHERE segment IS NOT NULL;
CREATE INDEX lead_owner ON lead (owner, created_at, id) WHERE owner IS NOT NULL;
CREATE INDEX lead_email ON lead (lower(email));
CREATE INDEX lead_updated ON lead (updated_at);

-- Every change of a lead, written in the transaction of the change itself.
CREATE TABLE lead_event (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    lead_id      uuid        NOT NULL REFERENCES lead (id),
    type         text        NOT NULL,
    lead_version bigint      NOT NULL,
    occurred_at  timestamptz NOT NULL,
    actor_key_id uuid,
    actor_name   text        NOT NULL,
    actor_role   text        NOT NULL,
    from_status  text,
    to_status    text,
    data         jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX lead_event_lead ON lead_event (lead_id, id);
