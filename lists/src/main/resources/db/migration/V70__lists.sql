-- Lists for operators and their integration API (issue 9). Owned by the lists module (V70-V79).

-- One list export: the day it decided for, the run its deltas are measured from, what it wrote.
CREATE TABLE list_run (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status       text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    as_of        date        NOT NULL,            -- the day the check engine's policy was applied for
    base_run     bigint      REFERENCES list_run, -- the deltas' base; NULL: the deltas hold the whole lists
    trigger      text        NOT NULL CHECK (trigger IN ('COMMAND', 'SCHEDULE')),
    output_dir   text,                            -- where the files were written
    manifest     jsonb,                           -- files, rows and SHA-256 of each, as in manifest.json
    counts       jsonb,                           -- entries added, removed and changed per list
    failure      text,                            -- why it failed, for people
    started_by   text        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    pruned_at    timestamptz                      -- when keeping the last N runs removed its files and history
);
CREATE INDEX list_run_succeeded ON list_run (id) WHERE status = 'SUCCEEDED';

-- Every entry each list has held, as DIRBS keeps its lists: valid from the run that added it
-- until the run that removed it (NULL while it is on the list). The state at run R is the rows
-- with added_run <= R and (removed_run IS NULL or removed_run > R), so a delta between any two
-- kept runs comes from the rows added or removed between them. A changed entry is the old row
-- removed and a new one added by the same run.
--
-- operator is '' on the blacklist (one list for all); imsi and msisdn are '' where unknown. Byte
-- order ("C") makes the database's order the files' order (and Java's String order).
CREATE TABLE list_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list        text   COLLATE "C" NOT NULL CHECK (list IN ('BLACKLIST', 'NOTIFICATIONS', 'EXCEPTIONS')),
    operator    text   COLLATE "C" NOT NULL,
    imei        bigint NOT NULL,
    imsi        text   COLLATE "C" NOT NULL,
    msisdn      text   COLLATE "C" NOT NULL,
    block_date  date,
    reasons     text   COLLATE "C" NOT NULL DEFAULT '',
    -- No foreign keys: checking one per row would cost a first export of millions of rows a
    -- trigger call each; the exporter, the only writer, takes both from the run it is.
    added_run   bigint NOT NULL,
    removed_run bigint,
    CHECK (removed_run IS NULL OR removed_run > added_run)
);
-- The lists as they stand, in file order: what an export compares the new lists with.
CREATE INDEX list_entry_current ON list_entry (list, operator, imei, imsi, msisdn) WHERE removed_run IS NULL;
CREATE INDEX list_entry_added ON list_entry (added_run);
CREATE INDEX list_entry_removed ON list_entry (removed_run) WHERE removed_run IS NOT NULL;

-- Operators' API keys. The secret is shown once, when the key is made; only its SHA-256 is kept
-- (a random 256-bit secret needs no slow hash: nobody can guess its way to it). A key acts for
-- one operator and nothing else.
CREATE TABLE api_key (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    prefix         text        NOT NULL UNIQUE,   -- the key's public part, to find it and to name it in logs
    secret_sha256  bytea       NOT NULL,
    operator_id    smallint    NOT NULL REFERENCES operator,
    label          text        NOT NULL,          -- what the operator uses it for, e.g. "EIR list loader"
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_used_at   timestamptz,
    revoked_by     text,
    revoked_at     timestamptz,
    revoked_reason text,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- Operator data files uploaded over the API, each imported in the background through the same
-- importer as `ceir import operator`: the job an operator's system polls.
CREATE TABLE operator_upload (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operator_id   smallint    NOT NULL REFERENCES operator,
    file_name     text        NOT NULL,
    bytes         bigint      NOT NULL,
    sha256        text        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'UNCHANGED', 'FAILED')),
    import_job_id bigint      REFERENCES import_job,
    rows_read     bigint,
    rows_changed  bigint,
    summary       text,                           -- the importer's line for people, or why it failed
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz
);
CREATE INDEX operator_upload_operator ON operator_upload (operator_id, id);
CREATE INDEX operator_upload_waiting ON operator_upload (id) WHERE state IN ('QUEUED', 'RUNNING');
