-- The check engine (eir module). See org.ceir.eir.CheckEngine.

-- Checks answered, by day (in the register's time zone), asking operator, outcome and reason. The
-- engines count in memory and add their counts here every few seconds, so several engines can
-- share one table. The article's "refused attach attempts" are the rows with reason
-- CLONE_UNPAIRED_SIM.
CREATE TABLE check_counter (
    day         date        NOT NULL,
    operator_id smallint    REFERENCES operator,  -- NULL when the asking operator is not known
    outcome     text        NOT NULL CHECK (outcome IN ('WHITELISTED', 'GREYLISTED', 'BLACKLISTED', 'UNKNOWN')),
    reason      text        NOT NULL,
    checks      bigint      NOT NULL CHECK (checks >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX check_counter_key ON check_counter (day, operator_id, outcome, reason) NULLS NOT DISTINCT;

-- The engine reads the change log by committing transaction, not by id (ids are taken before
-- commit, so a lower id can commit after a higher one): each poll asks for the rows of the
-- transactions that became visible since its previous snapshot, which this index finds.
CREATE INDEX change_log_tx ON change_log (tx);
