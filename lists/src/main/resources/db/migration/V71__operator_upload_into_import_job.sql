-- Operator files uploaded over the API are import jobs from now on, in the one table the console's
-- uploads use as well (store's V4; org.ceir.ingest.ImportQueue takes both). Every row of
-- operator_upload is kept there before the table goes:
--   * an upload whose import ran (import_job_id set) is that import's own row, which takes the
--     upload's time, size and line for people;
--   * one that never reached the importer becomes a job of its own: QUEUED again when it was waiting
--     or running (its file is still where the API kept it, HOME/uploads/<upload id>/<file name>, and
--     the queue imports it at its next start, or marks it FAILED if the file is gone), FAILED with
--     its reason otherwise.
-- The API's job numbers become import job numbers: an upload's number was its operator_upload id,
-- while GET /api/v1/jobs/{id} now takes the import job's, which the old answer gave as importJob.
UPDATE import_job j
   SET queued_at = u.uploaded_at,
       bytes     = u.bytes,
       summary   = coalesce(j.summary, u.summary)
  FROM operator_upload u
 WHERE u.import_job_id = j.id;

INSERT INTO import_job (kind, operator_id, file_name, file_sha256, status, checks_enabled, rows_read,
                        rows_changed, report, started_by, started_at, finished_at, queued_at, bytes, upload_path,
                        summary)
SELECT 'OPERATOR', u.operator_id, u.file_name, u.sha256,
       CASE WHEN u.state IN ('QUEUED', 'RUNNING') THEN 'QUEUED' ELSE u.state END,
       true, u.rows_read, u.rows_changed,
       CASE WHEN u.state = 'FAILED' THEN jsonb_build_object('outcome', 'FAILED', 'error', u.summary) END,
       u.uploaded_by, coalesce(u.started_at, u.uploaded_at),
       CASE WHEN u.state IN ('QUEUED', 'RUNNING') THEN NULL ELSE coalesce(u.finished_at, u.uploaded_at) END,
       u.uploaded_at, u.bytes,
       CASE WHEN u.state IN ('QUEUED', 'RUNNING') THEN u.id || '/' || u.file_name END,
       u.summary
  FROM operator_upload u
 WHERE u.import_job_id IS NULL
 ORDER BY u.id;

DROP TABLE operator_upload;
