-- Uploaded files and their imports in one table: a file sent through the staff console's imports
-- page or through POST /api/v1/operator-data is an import_job from the moment it is taken, QUEUED
-- until a worker of org.ceir.ingest.ImportQueue imports it (the importer then takes the same row
-- RUNNING and ends it, as it does a file imported from a path). Both doors read their jobs here;
-- lists' operator_upload is folded into it by V71.
--
-- The columns below stay NULL (delta false) for files imported from a path by `ceir import`, whose
-- jobs start RUNNING; only summary is written for every job.
ALTER TABLE import_job DROP CONSTRAINT import_job_status_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
    CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'UNCHANGED'));
ALTER TABLE import_job
    ADD COLUMN queued_at   timestamptz,                   -- when the upload was taken; started_at is when its import began
    ADD COLUMN bytes       bigint,                        -- the file's size as received
    ADD COLUMN delta       boolean NOT NULL DEFAULT false, -- a list file of changes, as the uploader said (ImportOptions.delta)
    ADD COLUMN upload_path text,                          -- the file waiting for its import, under HOME/uploads;
                                                          -- NULL once its import ended (the file is deleted then)
    ADD COLUMN summary     text;                          -- the importer's line for people, or why the file was refused
ALTER TABLE import_job ADD CONSTRAINT import_job_queued_upload
    CHECK (status <> 'QUEUED' OR (queued_at IS NOT NULL AND upload_path IS NOT NULL));

-- The queue's work at start-up, and a door's list of recent uploads (an operator's own).
CREATE INDEX import_job_queued ON import_job (id) WHERE status = 'QUEUED';
CREATE INDEX import_job_uploads ON import_job (queued_at DESC) WHERE queued_at IS NOT NULL;
