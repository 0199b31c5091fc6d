-- Detection (issue 4): runs, per-IMEI classification state per condition (as DIRBS keeps it),
-- evidence, and clone cases. Owned by the detect module (version block V20-V29).

-- One classification run: the exact configuration it used, what it counted and how long it took.
CREATE TABLE detection_run (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of        date        NOT NULL,             -- the last day of data it looked at
    data_start   date        NOT NULL,             -- first day read (inclusive)
    data_end     date        NOT NULL,             -- day after the last day read (exclusive)
    config       jsonb       NOT NULL,             -- the detect settings, exactly as used
    status       text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    counts       jsonb,                            -- triplets, IMEIs, per-condition matches, cases
    timing       jsonb,                            -- milliseconds per phase
    quality      jsonb,                            -- precision and recall when run with a truth file
    failure      text,                             -- why it failed, for people
    started_by   text        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
CREATE INDEX detection_run_as_of ON detection_run (as_of) WHERE status = 'SUCCEEDED';

-- When each IMEI started (and stopped) meeting each condition. An open row has no end_date;
-- a sticky condition's rows stay open. block_date is start_date + grace for blocking conditions.
CREATE TABLE classification_state (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imei        bigint  NOT NULL,
    condition   text    NOT NULL,
    start_date  date    NOT NULL,
    end_date    date,
    block_date  date,
    start_run   bigint  NOT NULL REFERENCES detection_run,
    end_run     bigint  REFERENCES detection_run,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX classification_state_open ON classification_state (condition, imei) WHERE end_date IS NULL;
CREATE INDEX classification_state_imei ON classification_state (imei);

-- What a person needs to judge an IMEI a condition matched, from the newest run that matched it.
CREATE TABLE imei_evidence (
    imei      bigint      PRIMARY KEY,
    run_id    bigint      NOT NULL REFERENCES detection_run,
    as_of     date        NOT NULL,
    score     double precision NOT NULL,
    evidence  jsonb       NOT NULL
);

-- A suspected clone under review, and its outcome. At most one case per IMEI is OPEN or
-- CONFIRMED; DISMISSED, LIFTED and EXPIRED ones stay as history. imsis holds every SIM seen when
-- the case was last decided, so a later run re-opens a dismissed case only for a SIM not seen then.
CREATE TABLE clone_case (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imei                 bigint      NOT NULL,
    condition            text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED', 'DISMISSED', 'LIFTED', 'EXPIRED')),
    score                double precision NOT NULL,
    imsis                text[]      NOT NULL,
    opened_run           bigint      REFERENCES detection_run,
    opened_at            timestamptz NOT NULL DEFAULT now(),
    reopens              bigint      REFERENCES clone_case,   -- the case it re-opens, if any
    last_run             bigint      REFERENCES detection_run,
    evidence_at_open     jsonb       NOT NULL,
    evidence_at_decision jsonb,
    decided_by           text,
    decided_at           timestamptz,
    decision_reason      text,
    lifted_by            text,
    lifted_at            timestamptz,
    lift_reason          text,
    CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE UNIQUE INDEX clone_case_active ON clone_case (imei) WHERE status IN ('OPEN', 'CONFIRMED');
CREATE INDEX clone_case_imei ON clone_case (imei, id);
CREATE INDEX clone_case_queue ON clone_case (status, score DESC);
