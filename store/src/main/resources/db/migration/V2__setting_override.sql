-- Versioned overrides of the few settings a regulator tunes between releases (the detection
-- conditions, the duty tariff), set in the staff console. Each change is a new version with who,
-- when and why; the newest version of a path wins over the configuration files. A version without
-- a value puts the configured value back. Rows are never updated or deleted: this is the history.
CREATE TABLE setting_override (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path    text        NOT NULL CHECK (path ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    version integer     NOT NULL CHECK (version > 0),
    -- JSON as the person's YAML read, in its key order (jsonb would sort the keys); NULL: restored
    value   text        CHECK (value IS NULL OR (value::jsonb) IS NOT NULL),
    reason  text        NOT NULL CHECK (btrim(reason) <> ''),
    set_by  text        NOT NULL,
    set_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (path, version)
);

-- The console's audit log page filters by actor, action and time, newest first.
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_at ON audit_log (at);
