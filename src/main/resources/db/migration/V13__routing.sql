-- Sales managers: keys that run the sales team (members, queues, routing, reassignment) without
-- the admin's keys and reason catalog.
ALTER TABLE api_key DROP CONSTRAINT api_key_role_check;
ALTER TABLE api_key ADD CONSTRAINT api_key_role_check
    CHECK (role IN ('MARKETING', 'SALES', 'SALES_MANAGER', 'ANALYST', 'ADMIN'));

-- The people a qualified lead can be assigned to. The id is chosen by the team and never changes,
-- so rules, assignments and reports keep naming the same person across renames.
CREATE TABLE sales_member (
    id            text        PRIMARY KEY,
    name          text        NOT NULL,
    email         text,
    time_zone     text        NOT NULL,
    -- [{"days": ["MONDAY", …], "from": "09:00", "to": "17:30"}, …] in time_zone; null: any time.
    working_hours jsonb,
    away_until    timestamptz,
    -- Leads assigned and waiting for this member's answer, at most; null: no limit.
    max_open      integer     CHECK (max_open > 0),
    -- Leads assigned per day of the member's time zone, at most; null: no limit.
    max_per_day   integer     CHECK (max_per_day > 0),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- A team that leads are routed to.
CREATE TABLE sales_queue (
    id         text        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Who is in a queue, with what weight. credit is the member's standing in the weighted rotation:
-- each assignment adds weight / (sum of the available members' weights) to every available member
-- and takes 1 from the one chosen, who is the one with the most credit.
CREATE TABLE queue_member (
    queue_id  text           NOT NULL REFERENCES sales_queue (id) ON DELETE CASCADE,
    member_id text           NOT NULL REFERENCES sales_member (id),
    weight    integer        NOT NULL CHECK (weight BETWEEN 1 AND 1000),
    credit    numeric(30, 18) NOT NULL DEFAULT 0,
    PRIMARY KEY (queue_id, member_id)
);
-- A member's queues (shown on the member).
CREATE INDEX queue_member_member ON queue_member (member_id);

-- The routing rules: one row, the whole ordered list as a JSON document (small, read at each
-- qualification), like the SLA policy.
CREATE TABLE routing_policy (
    id         boolean     PRIMARY KEY DEFAULT true CHECK (id),
    policy     jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
INSERT INTO routing_policy (policy, updated_at, updated_by)
    VALUES ('{"rules": []}', now(), 'default');

-- The member a qualified lead is assigned to, while it waits for sales's answer and after.
ALTER TABLE lead
    ADD COLUMN assignee_id    text REFERENCES sales_member (id),
    ADD COLUMN assignee_queue text,
    ADD COLUMN assigned_at    timestamptz;
-- A member's open load (leads waiting for their answer), counted at each assignment.
CREATE INDEX lead_assignee_waiting ON lead (assignee_id) WHERE status = 'QUALIFIED';

-- Every assignment, in order: who got which lead, from which queue and rule, and when it ended.
CREATE TABLE lead_assignment (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id     uuid        NOT NULL REFERENCES lead (id),
    member_id   text        NOT NULL REFERENCES sales_member (id),
    queue_id    text,
    rule        text,
    method      text        NOT NULL,
    assigned_at timestamptz NOT NULL,
    ended_at    timestamptz
);
-- A member's leads of the day (max_per_day), and the per-member figures.
CREATE INDEX lead_assignment_member ON lead_assignment (member_id, assigned_at);
CREATE INDEX lead_assignment_lead ON lead_assignment (lead_id);
