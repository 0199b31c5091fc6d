-- Registration (issue 6): what V1's registration tables need for people, importers, the duty,
-- payments, the 30-day rule, lost and stolen reports and the SMS outbox.

-- A registration keeps the duty computation as the applicant saw it, line by line.
ALTER TABLE registration
    ADD COLUMN duty_quote       jsonb,
    ADD COLUMN device_type      text,
    ADD COLUMN device_count     integer     NOT NULL DEFAULT 1 CHECK (device_count >= 0),
    ADD COLUMN import_job_id    bigint      REFERENCES import_job,
    ADD COLUMN cancelled_at     timestamptz,
    ADD COLUMN cancelled_reason text;
-- Personal imports per person and year (the excise's one-a-year exemption) are counted by this.
CREATE INDEX registration_owner ON registration (owner_id_hash, created_at) WHERE owner_id_hash IS NOT NULL;
CREATE INDEX registration_pending ON registration (created_at) WHERE status = 'PENDING_PAYMENT';

-- V1 says an IMEI belongs to at most one registration that is not cancelled; this index makes
-- PostgreSQL hold that, even when two clerks register the same phone at the same moment.
ALTER TABLE registration_imei
    ADD COLUMN device_no integer NOT NULL DEFAULT 1,   -- importer batches: the IMEIs of one phone share it
    ADD COLUMN cancelled boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX registration_imei_live ON registration_imei (imei) WHERE NOT cancelled;

-- An importer's batch by model: how many phones, what they were declared at, and the duty per
-- phone (a person's registration keeps model and prices on the registration row).
CREATE TABLE registration_model (
    registration_id bigint         NOT NULL REFERENCES registration,
    tac             integer        NOT NULL,   -- a TAC of the model, as the batch's first phone of it had
    make            text           NOT NULL,
    model           text           NOT NULL,
    phones          integer        NOT NULL CHECK (phones > 0),
    declared_total  numeric(14, 2) NOT NULL,   -- the sum of the phones' declared prices, US dollars
    market_price    numeric(12, 2),            -- the catalogue's price, when listed
    duty_per_phone  numeric(12, 2) NOT NULL,
    PRIMARY KEY (registration_id, tac)
);

-- The ministry's price catalogue: the market price the duty is set by, per make and model
-- (prices.csv: manufacturer,model,market_price_usd). Names match the TAC catalogue in any case.
CREATE TABLE model_price (
    manufacturer     text           NOT NULL,
    model            text           NOT NULL,
    market_price_usd numeric(12, 2) NOT NULL CHECK (market_price_usd > 0),
    import_job_id    bigint         REFERENCES import_job,
    updated_at       timestamptz    NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX model_price_key ON model_price (lower(manufacturer), lower(model));

-- Payments received for registrations. The reference is the payer's (a provider's transaction, or
-- the clerk's receipt): the same reference twice is the same payment, applied once.
CREATE TABLE payment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference       text           NOT NULL UNIQUE,
    registration_id bigint         NOT NULL REFERENCES registration,
    amount          numeric(12, 2) NOT NULL CHECK (amount > 0),
    currency        text           NOT NULL,
    channel         text           NOT NULL CHECK (channel IN ('PROVIDER', 'CLERK')),
    received_by     text           NOT NULL,
    paid_at         timestamptz,
    received_at     timestamptz    NOT NULL DEFAULT now(),
    body_sha256     bytea          -- a provider's signed request, so a replay with other content is told apart
);
CREATE UNIQUE INDEX payment_one_per_registration ON payment (registration_id);

-- Lost and stolen reports: each blocks all the IMEIs of one phone (device_status STOLEN) until recovered.
CREATE TABLE stolen_report (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference        text        NOT NULL UNIQUE,
    kind             text        NOT NULL CHECK (kind IN ('LOST', 'STOLEN')),
    registration_id  bigint      REFERENCES registration,
    imeis            bigint[]    NOT NULL CHECK (cardinality(imeis) > 0),
    reporter         text        NOT NULL CHECK (reporter IN ('OWNER', 'CLERK')),
    police_reference text,
    reported_by      text        NOT NULL,
    reported_at      timestamptz NOT NULL DEFAULT now(),
    recovered_at     timestamptz,
    recovered_by     text,
    CHECK (reporter <> 'OWNER' OR police_reference IS NOT NULL),
    CHECK ((recovered_at IS NULL) = (recovered_by IS NULL))
);
CREATE INDEX stolen_report_open ON stolen_report (reported_at) WHERE recovered_at IS NULL;

-- The 30-day rule: an IMEI first seen unregistered is blocked from first_seen + grace days unless
-- registered and paid for before. The check engine blocks by itself; these rows drive the SMS.
CREATE TABLE registration_deadline (
    imei         bigint      PRIMARY KEY,
    first_seen   date        NOT NULL,
    blocked_from date        NOT NULL,             -- the first day the check says BLACKLISTED
    notices      text[]      NOT NULL DEFAULT '{}', -- which notices went out: FIRST, REMIND_7, BLOCKED…
    resolved     text        CHECK (resolved IN ('REGISTERED', 'EXEMPT')),
    resolved_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_deadline_open ON registration_deadline (blocked_from) WHERE resolved IS NULL;

-- The SMS outbox. A message is queued in the transaction of the event it tells of, so it exists
-- exactly when the event does; senders claim due rows for a short lease, so a sender that dies
-- mid-send leaves them to be sent again once the lease runs out.
CREATE TABLE notification (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,
    dedup_key       text        NOT NULL UNIQUE,   -- one message per event and recipient, however often a scan runs
    imei            bigint,
    msisdn          text        NOT NULL,
    operator_id     smallint    REFERENCES operator,
    language        text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'QUEUED'
                    CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERABLE', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    channel         text,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    delivered_at    timestamptz
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status IN ('QUEUED', 'SENDING');
CREATE INDEX notification_imei ON notification (imei);

-- The parts of a sent message as the SMSC numbered them, for matching delivery receipts.
CREATE TABLE notification_part (
    notification_id bigint      NOT NULL REFERENCES notification,
    part            integer     NOT NULL,
    smsc            text        NOT NULL,   -- the operator whose SMSC took it ('log' for the log channel)
    smsc_message_id text        NOT NULL,
    receipt_state   text,       -- DELIVRD, UNDELIV, EXPIRED, REJECTD… as the SMSC reported it
    receipt_at      timestamptz,
    PRIMARY KEY (notification_id, part)
);
CREATE INDEX notification_part_smsc ON notification_part (smsc, smsc_message_id);

-- Delivery receipts as the SMSCs sent them, kept even when they arrive before the sender has
-- recorded the message id they answer (an SMSC may report within milliseconds).
CREATE TABLE smsc_receipt (
    smsc            text        NOT NULL,   -- the operator whose SMSC sent it
    smsc_message_id text        NOT NULL,
    state           text        NOT NULL,   -- DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, ACCEPTD, UNKNOWN
    error           text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (smsc, smsc_message_id)
);
