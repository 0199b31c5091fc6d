-- Appeals (issue 7): a citizen whose phone stopped working asks, at a post office through a clerk
-- or online; an analyst decides with the evidence. Owned by the appeals module (V50-V59).

-- One appeal. The applicant's national ID is kept as registrations keep owners' IDs (OwnerIds):
-- encrypted, with a keyed hash to find a person's appeals; never in the clear.
CREATE TABLE appeal (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tracking            text        NOT NULL UNIQUE,   -- what the applicant is given: A-XXXXXXXXC
    kind                text        NOT NULL CHECK (kind IN ('NUMBER_CHANGE', 'ORIGINAL_OWNER', 'OTHER')),
    status              text        NOT NULL
                        CHECK (status IN ('RECEIVED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'REJECTED')),
    imei                bigint      NOT NULL,          -- 14-digit key
    applicant_id_hash   bytea       NOT NULL,
    applicant_id_cipher bytea       NOT NULL,
    contact_msisdn      text        NOT NULL,          -- E.164 digits; where the SMS go
    claimed_imsi        text,                          -- the SIM the applicant says is theirs now
    claimed_msisdn      text,
    statement           text        NOT NULL DEFAULT '',
    channel             text        NOT NULL CHECK (channel IN ('POST_OFFICE', 'ONLINE')),
    office_code         text,                          -- the post office, for POST_OFFICE
    language            text        NOT NULL,          -- az, en or ru: the applicant's SMS
    filed_by            text        NOT NULL,
    received_at         timestamptz NOT NULL DEFAULT now(),
    due_on              date        NOT NULL,          -- received (or information added) + the working days allowed
    duplicate_of        bigint      REFERENCES appeal, -- an earlier open appeal of the same applicant for the same IMEI
    reviewer            text,                          -- the analyst who took it
    decided_by          text,
    decided_at          timestamptz,
    decision_reason     text,
    CHECK (channel <> 'POST_OFFICE' OR office_code IS NOT NULL),
    CHECK ((decided_at IS NULL) = (status NOT IN ('APPROVED', 'REJECTED'))),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL))
);
CREATE INDEX appeal_imei ON appeal (imei, id);
CREATE INDEX appeal_applicant ON appeal (applicant_id_hash, imei);
CREATE INDEX appeal_open ON appeal (due_on) WHERE status IN ('RECEIVED', 'UNDER_REVIEW', 'INFO_REQUESTED');
CREATE INDEX appeal_received ON appeal (received_at);
CREATE INDEX appeal_decided ON appeal (decided_at) WHERE decided_at IS NOT NULL;

-- Every step of an appeal, for its page and the report (the audit log holds the same, chained).
CREATE TABLE appeal_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appeal_id   bigint      NOT NULL REFERENCES appeal,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,   -- FILED, LINKED, REVIEW, INFO_REQUESTED, INFO_ADDED, APPROVED, REJECTED
    from_status text,
    to_status   text        NOT NULL,
    reason      text,
    detail      jsonb
);
CREATE INDEX appeal_event_appeal ON appeal_event (appeal_id, id);

-- Documents the applicant brought: PDF or JPEG, checked by content, at most 5 MB (a setting).
CREATE TABLE appeal_attachment (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appeal_id  bigint      NOT NULL REFERENCES appeal,
    file_name  text        NOT NULL,
    media_type text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg')),
    size_bytes integer     NOT NULL CHECK (size_bytes > 0),
    sha256     bytea       NOT NULL CHECK (length(sha256) = 32),
    content    bytea       NOT NULL,
    added_by   text        NOT NULL,
    added_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeal_attachment_appeal ON appeal_attachment (appeal_id, id);

-- One-time codes proving an online applicant holds the contact number. Only a keyed hash of the
-- code is kept; a code is used once, expires, and allows a few wrong tries.
CREATE TABLE appeal_code (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    msisdn     text        NOT NULL,
    code_hash  bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    attempts   integer     NOT NULL DEFAULT 0,
    used_at    timestamptz
);
CREATE INDEX appeal_code_msisdn ON appeal_code (msisdn, created_at);
