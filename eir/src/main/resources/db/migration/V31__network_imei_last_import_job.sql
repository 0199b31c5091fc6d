-- The import that last inserted a network IMEI or moved its first sighting: an operator import
-- appends one NETWORK_IMPORT change (imei -1, detail {"import_job": N}) and the check engine
-- reloads the first sightings of the rows marked N. The ingest module owns the column (V10..V19);
-- IF NOT EXISTS lets whichever migration runs first create it.
ALTER TABLE network_imei ADD COLUMN IF NOT EXISTS last_import_job bigint;
CREATE INDEX IF NOT EXISTS network_imei_last_import_job ON network_imei (last_import_job)
    WHERE last_import_job IS NOT NULL;
