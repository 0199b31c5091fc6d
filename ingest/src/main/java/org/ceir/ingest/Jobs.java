package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceir.store.Rows;

/** The {@code import_job} table: each file taken in and its outcome. */
final class Jobs {
    private static final String INTERRUPTED = "interrupted: the importing process stopped before it finished;"
            + " nothing of it was written";

    /** A successful import of the same content found earlier. */
    record Prior(long id, OffsetDateTime finishedAt) {
    }

    private Jobs() {
    }

    /**
     * Inserts a RUNNING job and takes its session lock before the row is visible, so that a
     * RUNNING row whose lock is free always means a dead importer. Commits.
     */
    static long start(Connection connection, ImportKind kind, Short operatorId, String fileName, String sha256,
                      boolean checks, String actor) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO import_job (kind, operator_id, file_name, file_sha256, status, checks_enabled, started_by)"
                        + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?) RETURNING id")) {
            insert.setString(1, kind.name());
            setShort(insert, 2, operatorId);
            insert.setString(3, fileName);
            insert.setString(4, sha256);
            insert.setBoolean(5, checks);
            insert.setString(6, actor);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        if (!Locks.trySessionLock(connection, Locks.JOB, (int) id)) {
            throw new IllegalStateException("import job " + id + " is locked by another session");
        }
        connection.commit();
        return id;
    }

    /** Records a job that ended at once (UNCHANGED, or FAILED before it started). Commits. */
    static long record(Connection connection, ImportKind kind, Short operatorId, String fileName, String sha256,
                       boolean checks, String actor, String status, String report, String summary) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO import_job (kind, operator_id, file_name, file_sha256, status, checks_enabled, started_by,"
                        + " rows_read, rows_changed, report, summary, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?::jsonb, ?, now()) RETURNING id")) {
            insert.setString(1, kind.name());
            setShort(insert, 2, operatorId);
            insert.setString(3, fileName);
            insert.setString(4, sha256 == null ? "" : sha256);
            insert.setString(5, status);
            insert.setBoolean(6, checks);
            insert.setString(7, actor);
            insert.setString(8, report);
            insert.setString(9, summary);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                connection.commit();
                return id;
            }
        }
    }

    /**
     * Takes a QUEUED job (an upload, see {@link ImportQueue}) for this import, as {@link #start}
     * takes a new one: its lock first, then RUNNING. Commits.
     *
     * @throws JobTaken when another importer has it or it is no longer queued
     */
    static long claim(Connection connection, long id, Short operatorId, String sha256) throws SQLException {
        if (!Locks.trySessionLock(connection, Locks.JOB, (int) id)) {
            connection.commit();
            throw new JobTaken(id);
        }
        int claimed;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE import_job SET status = 'RUNNING', operator_id = coalesce(?, operator_id), file_sha256 = ?,"
                        + " started_at = clock_timestamp() WHERE id = ? AND status = 'QUEUED'")) {
            setShort(update, 1, operatorId);
            update.setString(2, sha256);
            update.setLong(3, id);
            claimed = update.executeUpdate();
        }
        connection.commit();
        if (claimed == 0) {
            Locks.sessionUnlock(connection, Locks.JOB, (int) id);
            connection.commit();
            throw new JobTaken(id);
        }
        return id;
    }

    /**
     * Ends a QUEUED job at once, as {@link #record} records a new one (UNCHANGED, or FAILED before
     * it started). Commits.
     *
     * @throws JobTaken when it is no longer queued (another importer took it)
     */
    static long settle(Connection connection, long id, Short operatorId, String sha256, String status, String report,
                       String summary) throws SQLException {
        int settled;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE import_job SET status = ?, operator_id = coalesce(?, operator_id),"
                        + " file_sha256 = coalesce(?, file_sha256), rows_read = 0, rows_changed = 0, report = ?::jsonb,"
                        + " summary = ?, upload_path = NULL, started_at = clock_timestamp(), finished_at = clock_timestamp()"
                        + " WHERE id = ? AND status = 'QUEUED'")) {
            update.setString(1, status);
            setShort(update, 2, operatorId);
            update.setString(3, sha256);
            update.setString(4, report);
            update.setString(5, summary);
            update.setLong(6, id);
            settled = update.executeUpdate();
        }
        connection.commit();
        if (settled == 0) {
            throw new JobTaken(id);
        }
        return id;
    }

    /**
     * Completes a job in the import's own transaction. An upload's file is no longer needed then
     * (its queue deletes it): the job forgets where it was.
     */
    static void finish(Connection connection, long id, String status, LocalDate dataStart, LocalDate dataEnd,
                       long rowsRead, long rowsChanged, String report, String summary) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE import_job SET status = ?, data_start = ?, data_end = ?, rows_read = ?, rows_changed = ?,"
                        + " report = ?::jsonb, summary = ?, upload_path = NULL, finished_at = clock_timestamp() WHERE id = ?")) {
            update.setString(1, status);
            update.setObject(2, dataStart);
            update.setObject(3, dataEnd);
            update.setLong(4, rowsRead);
            update.setLong(5, rowsChanged);
            update.setString(6, report);
            update.setString(7, summary);
            update.setLong(8, id);
            update.executeUpdate();
        }
    }

    /** Marks a job FAILED after its transaction was rolled back. Commits. */
    static void fail(Connection connection, long id, long rowsRead, String report, String summary) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE import_job SET status = 'FAILED', rows_read = ?, rows_changed = 0, report = ?::jsonb,"
                        + " summary = ?, upload_path = NULL, finished_at = clock_timestamp() WHERE id = ?")) {
            update.setLong(1, rowsRead);
            update.setString(2, report);
            update.setString(3, summary);
            update.setLong(4, id);
            update.executeUpdate();
        }
        connection.commit();
    }

    /**
     * The earlier import of the same content that makes this one pointless: for operator data any
     * (merging is idempotent and order-free); for lists and the catalogue only the latest import of
     * the kind (a full list replaces what an import between them set).
     */
    static Optional<Prior> prior(Connection connection, ImportKind kind, Short operatorId, String sha256)
            throws SQLException {
        if (kind == ImportKind.OPERATOR) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, finished_at FROM import_job WHERE kind = ? AND file_sha256 = ?"
                            + " AND status IN ('SUCCEEDED', 'UNCHANGED') AND operator_id IS NOT DISTINCT FROM ?"
                            + " ORDER BY id LIMIT 1")) {
                query.setString(1, kind.name());
                query.setString(2, sha256);
                setShort(query, 3, operatorId);
                return prior(query);
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, finished_at FROM (SELECT id, finished_at, file_sha256 FROM import_job WHERE kind = ?"
                        + " AND status IN ('SUCCEEDED', 'UNCHANGED') ORDER BY id DESC LIMIT 1) latest"
                        + " WHERE file_sha256 = ?")) {
            query.setString(1, kind.name());
            query.setString(2, sha256);
            return prior(query);
        }
    }

    private static Optional<Prior> prior(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(new Prior(row.getLong(1), row.getObject(2, OffsetDateTime.class)))
                    : Optional.empty();
        }
    }

    /**
     * Marks RUNNING jobs whose importer died (its session lock is free) as FAILED. Their data was
     * never committed, so this only corrects the history; an upload whose file still waits goes
     * back to the queue instead ({@link ImportQueue} imports it again at its start). Commits.
     */
    static int reconcileInterrupted(Connection connection) throws SQLException {
        List<Long> running = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM import_job WHERE status = 'RUNNING'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                running.add(rows.getLong(1));
            }
        }
        connection.commit();
        int fixed = 0;
        for (long id : running) {
            if (Locks.trySessionLock(connection, Locks.JOB, (int) id)) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE import_job SET status = CASE WHEN upload_path IS NULL THEN 'FAILED' ELSE 'QUEUED' END,"
                                + " finished_at = CASE WHEN upload_path IS NULL THEN clock_timestamp() END,"
                                + " summary = CASE WHEN upload_path IS NULL THEN ? ELSE summary END,"
                                + " report = CASE WHEN upload_path IS NULL THEN coalesce(report, '{}'::jsonb)"
                                + " || jsonb_build_object('outcome', 'FAILED', 'error', ?::text) ELSE report END"
                                + " WHERE id = ? AND status = 'RUNNING'")) {
                    update.setString(1, INTERRUPTED);
                    update.setString(2, INTERRUPTED);
                    update.setLong(3, id);
                    fixed += update.executeUpdate();
                }
                connection.commit();
                Locks.sessionUnlock(connection, Locks.JOB, (int) id);
                connection.commit();
            }
        }
        return fixed;
    }

    static List<ImportJob> history(Connection connection, int limit, Optional<String> operator) throws SQLException {
        return Rows.list(connection, SELECT_JOB + " WHERE (?::text IS NULL OR o.code = ?) ORDER BY j.id DESC LIMIT ?",
                Jobs::job, operator.orElse(null), operator.orElse(null), limit);
    }

    /** One job and its report (JSON), if there is such a job. */
    static Optional<ImportReport> report(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT_JOB + " WHERE j.id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(ImportReport.of(job(row), row.getString(16))) : Optional.empty();
            }
        }
    }

    private static final String SELECT_JOB = "SELECT j.id, j.kind, o.code, j.file_name, j.file_sha256, j.status,"
            + " j.checks_enabled, j.data_start, j.data_end, coalesce(j.rows_read, 0), coalesce(j.rows_changed, 0),"
            + " j.started_by, j.started_at, j.finished_at, j.report ->> 'error', j.report::text"
            + " FROM import_job j LEFT JOIN operator o ON o.id = j.operator_id";

    private static ImportJob job(ResultSet rows) throws SQLException {
        OffsetDateTime finished = rows.getObject(14, OffsetDateTime.class);
        return new ImportJob(rows.getLong(1), ImportKind.valueOf(rows.getString(2)),
                Optional.ofNullable(rows.getString(3)), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getBoolean(7), Optional.ofNullable(rows.getObject(8, LocalDate.class)),
                Optional.ofNullable(rows.getObject(9, LocalDate.class)), rows.getLong(10), rows.getLong(11),
                rows.getString(12), rows.getObject(13, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(finished).map(OffsetDateTime::toInstant), Optional.ofNullable(rows.getString(15)));
    }

    private static void setShort(PreparedStatement statement, int index, Short value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.SMALLINT);
        } else {
            statement.setShort(index, value);
        }
    }
}
