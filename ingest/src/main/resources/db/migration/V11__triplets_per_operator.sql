-- ingest: network triplets stored per (month, operator), so that the importer merges at the speed
-- of COPY (bench/scripts/ingest-import.sh; the figures and the reasons are in the README).
--
-- The logical table does not change: network_triplet, one row per (month, operator, IMEI, IMSI,
-- MSISDN), the same columns with the same meanings. What changes is below it:
--   network_triplet                 RANGE (triplet_month)
--     network_triplet_YYYYMM        LIST (operator_id), one per month
--       network_triplet_YYYYMM_N    one per operator N: a plain table, written only by that
--                                   operator's imports, which its advisory lock serialises
-- The unique key leads with the IMEI, so that one index serves both the merge's uniqueness and a
-- look-up of one IMEI's triplets over a window (ceir show, clone cases, timelines): a probe per
-- (month, operator) table instead of a scan of every partition. Its other columns are the rest of
-- the key, partition keys last, as PostgreSQL wants them in a partitioned unique index.
--
-- An operator's first file of a month is copied straight into a new table made in the import's
-- transaction, indexed after, and attached at its end (OperatorImport); later files of the month
-- are merged into it in place, by UPDATE ... FROM the staged rows (HOT: the updated columns are
-- in no index, and half of each page is left free for the new versions) and an anti-join INSERT.

ALTER TABLE network_triplet RENAME TO network_triplet_v10;
ALTER INDEX network_triplet_key RENAME TO network_triplet_v10_key;
DO $$
DECLARE
    part record;
BEGIN
    FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'network_triplet_v10'::regclass LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', part.relname, part.relname || '_v10');
    END LOOP;
END $$;

-- What the networks saw, as DIRBS keeps it: one row per (month, operator, IMEI, IMSI, MSISDN),
-- with the days of the month it was seen as a bitmask (bit d-1 for day d).
CREATE TABLE network_triplet (
    triplet_month date     NOT NULL CHECK (extract(day FROM triplet_month) = 1),
    operator_id   smallint NOT NULL,
    imei          bigint   NOT NULL,    -- 14-digit key; -1 when the value had no usable key
    imei_raw      text,                 -- the value as sent, only when imei = -1
    imsi          text,                 -- NULL when the operator sent none
    msisdn        text,                 -- NULL when the operator sent none
    first_seen    date     NOT NULL,
    last_seen     date     NOT NULL,
    date_bitmask  integer  NOT NULL,
    rat_bitmask   integer  NOT NULL DEFAULT 0,
    CHECK ((imei = -1) = (imei_raw IS NOT NULL)),
    CHECK (first_seen <= last_seen)
) PARTITION BY RANGE (triplet_month);
CREATE UNIQUE INDEX network_triplet_key
    ON network_triplet (imei, imsi, msisdn, imei_raw, triplet_month, operator_id) NULLS NOT DISTINCT;

-- The month's table, partitioned by operator, if missing. The importer calls it in a short
-- transaction of its own: creating a partition locks the whole triplet table.
CREATE FUNCTION ensure_triplet_month(month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'network_triplet_' || to_char(first_day, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF network_triplet FOR VALUES FROM (%L) TO (%L)'
                       ' PARTITION BY LIST (operator_id)',
                       name, first_day, (first_day + interval '1 month')::date);
    END IF;
END $$;

-- One operator's table of one month, attached, if missing. Half of each page is left free: a
-- triplet is rewritten on every day it is seen again in its month, and a new version that fits on
-- its page is a HOT update (no index entry; the old version is pruned on a later visit).
CREATE FUNCTION ensure_triplet_leaf(month date, operator smallint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'network_triplet_' || to_char(first_day, 'YYYYMM') || '_' || operator;
BEGIN
    PERFORM ensure_triplet_month(first_day);
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%s) WITH (fillfactor = 50)',
                       name, 'network_triplet_' || to_char(first_day, 'YYYYMM'), operator);
    END IF;
END $$;

-- For code that writes triplets through network_triplet rather than the importer (test fixtures,
-- benchmarks): the month's table with a table for every known operator, and a default one for
-- any other id. The importer never writes to the default table.
CREATE OR REPLACE FUNCTION ensure_triplet_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    op record;
BEGIN
    PERFORM ensure_triplet_month(first_day);
    FOR op IN SELECT id FROM operator LOOP
        PERFORM ensure_triplet_leaf(first_day, op.id);
    END LOOP;
    IF to_regclass('network_triplet_' || to_char(first_day, 'YYYYMM') || '_default') IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT WITH (fillfactor = 50)',
                       'network_triplet_' || to_char(first_day, 'YYYYMM') || '_default',
                       'network_triplet_' || to_char(first_day, 'YYYYMM'));
    END IF;
END $$;

-- The V10 triplets move into the new tables.
DO $$
DECLARE
    leaf record;
BEGIN
    FOR leaf IN SELECT DISTINCT triplet_month, operator_id FROM network_triplet_v10 LOOP
        PERFORM ensure_triplet_leaf(leaf.triplet_month, leaf.operator_id);
    END LOOP;
END $$;
INSERT INTO network_triplet SELECT * FROM network_triplet_v10;
DROP TABLE network_triplet_v10;

-- Daily imports rewrite last_seen of most IMEIs; with V10's 80% only a quarter of the updates
-- found room on their page (measured), the rest moved the row and added index entries. Rewritten
-- in IMEI order, which is the order imports update it in.
ALTER TABLE network_imei SET (fillfactor = 50);
CLUSTER network_imei USING network_imei_pkey;
