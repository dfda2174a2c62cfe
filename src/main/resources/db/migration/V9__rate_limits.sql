-- An API key may carry its own quota (requests per window); NULL: the configured default.
ALTER TABLE api_key ADD COLUMN rate_limit integer CHECK (rate_limit > 0);

-- Each key's current window, shared by every replica: one row per key, reused window after
-- window, so there is nothing to purge. `used` counts the requests handed out to replicas in
-- chunks; it may pass the quota by at most one chunk (a claim that found the quota spent), so
-- what was really granted is LEAST(used, quota).
CREATE TABLE rate_limit_window (
    key_id       uuid        PRIMARY KEY REFERENCES api_key (id),
    window_start timestamptz NOT NULL,
    used         integer     NOT NULL CHECK (used >= 0)
);
