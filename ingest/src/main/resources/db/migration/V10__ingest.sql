-- ingest: what the importer needs beyond the base schema.

-- The contract with the check engine: the import that inserted an IMEI or moved its first seen
-- earlier. The engine reloads those IMEIs' first-seen days when it reads a NETWORK_IMPORT row of
-- the change log ({"import_job": N}). No foreign key: checking one per row would cost every merge.
ALTER TABLE network_imei ADD COLUMN last_import_job bigint;
CREATE INDEX network_imei_last_import_job ON network_imei (last_import_job);
-- Daily imports rewrite last_seen of most rows; room on each page lets PostgreSQL update them in
-- place (HOT) instead of adding index entries.
ALTER TABLE network_imei SET (fillfactor = 80);

-- Each operator's daily distinct IMEIs, IMSIs and MSISDNs (HyperLogLog estimates, about 1.6% off),
-- kept per import so the history check never scans the triplets.
CREATE TABLE operator_day_stats (
    operator_id smallint NOT NULL REFERENCES operator,
    day         date     NOT NULL,
    imeis       bigint   NOT NULL,
    imsis       bigint   NOT NULL,
    msisdns     bigint   NOT NULL,
    import_job  bigint   NOT NULL REFERENCES import_job,
    PRIMARY KEY (operator_id, day)
);

-- Finding "has this file been imported already?" by kind and content.
CREATE INDEX import_job_kind_sha256 ON import_job (kind, file_sha256) WHERE status IN ('SUCCEEDED', 'UNCHANGED');

-- Monthly triplet partitions leave room on each page, for the same reason as network_imei: a
-- triplet is rewritten on every day it is seen again in its month.
CREATE OR REPLACE FUNCTION ensure_triplet_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'network_triplet_' || to_char(first_day, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF network_triplet FOR VALUES FROM (%L) TO (%L)'
                       ' WITH (fillfactor = 70)',
                       name, first_day, (first_day + interval '1 month')::date);
    END IF;
END $$;

-- The TAC catalogue's columns that the base schema does not keep.
ALTER TABLE tac_model ADD COLUMN radio_interface text, ADD COLUMN operating_system text;
