-- The web module (V60-V69): staff accounts' extra columns and console sessions.

-- Roles are a closed set (org.ceir.web.Role); a user has at least one.
ALTER TABLE app_user
    ADD CONSTRAINT app_user_roles_known
        CHECK (cardinality(roles) > 0
               AND roles <@ ARRAY['ADMIN', 'ANALYST', 'CLERK', 'OPERATOR', 'AUDITOR']::text[]),
    ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN last_login_at       timestamptz;

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is kept, so a copy of
-- this table lets nobody in. Rows are read on every console request and end on logout, on expiry,
-- or when the user is disabled.
CREATE TABLE web_session (
    token_hash     bytea       PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES app_user ON DELETE CASCADE,
    csrf_token     text        NOT NULL,
    client_address text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen      timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL
);
CREATE INDEX web_session_user ON web_session (user_id);
CREATE INDEX web_session_expires ON web_session (expires_at);
