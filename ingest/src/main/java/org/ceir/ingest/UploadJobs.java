package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceir.store.Rows;

/**
 * The uploads' side of {@code import_job}: a row made QUEUED when a file is taken, and read back by
 * the doors. Its import, or its end when the import could not even begin, goes through
 * {@link Jobs} like any other.
 */
final class UploadJobs {
    /** A queued upload, as a worker needs it to import the file. */
    record Waiting(long id, ImportKind kind, String fileName, String uploadPath, ImportOptions options) {
    }

    private static final String SELECT = "SELECT j.id, j.kind, o.code, j.file_name, coalesce(j.bytes, 0),"
            + " j.file_sha256, j.status, j.checks_enabled, j.delta, j.started_by, j.queued_at, j.started_at,"
            + " j.finished_at, j.rows_read, j.rows_changed, j.summary";

    private UploadJobs() {
    }

    /** Records a file taken for import, QUEUED; returns its job. */
    static long insert(Connection connection, UploadRequest request, ImportOptions options, Short operatorId,
                       long bytes, String sha256, String uploadPath) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO import_job (kind, operator_id, file_name, file_sha256, status, checks_enabled, delta,"
                        + " started_by, queued_at, bytes, upload_path)"
                        + " VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, clock_timestamp(), ?, ?) RETURNING id")) {
            insert.setString(1, request.kind().name());
            if (operatorId == null) {
                insert.setNull(2, Types.SMALLINT);
            } else {
                insert.setShort(2, operatorId);
            }
            insert.setString(3, request.fileName());
            insert.setString(4, sha256);
            insert.setBoolean(5, options.checks());
            insert.setBoolean(6, options.delta());
            insert.setString(7, options.actor());
            insert.setLong(8, bytes);
            insert.setString(9, uploadPath);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The queued uploads, oldest first: what a queue takes up when it starts. */
    static List<Waiting> waiting(Connection connection) throws SQLException {
        return waiting(connection, "SELECT id, kind, file_name, upload_path, checks_enabled, delta, started_by"
                + " FROM import_job WHERE status = 'QUEUED' ORDER BY id", null);
    }

    /** Upload {@code id} if it still waits for its import. */
    static Optional<Waiting> waiting(Connection connection, long id) throws SQLException {
        return waiting(connection, "SELECT id, kind, file_name, upload_path, checks_enabled, delta, started_by"
                + " FROM import_job WHERE status = 'QUEUED' AND id = ?", id).stream().findFirst();
    }

    private static List<Waiting> waiting(Connection connection, String sql, Long id) throws SQLException {
        List<Waiting> waiting = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (id != null) {
                query.setLong(1, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    waiting.add(new Waiting(rows.getLong(1), ImportKind.valueOf(rows.getString(2)), rows.getString(3),
                            rows.getString(4), new ImportOptions(rows.getBoolean(5), rows.getBoolean(6),
                            rows.getString(7))));
                }
            }
        }
        return waiting;
    }

    /** One upload, with its report; empty for no such job, or a job that was not uploaded. */
    static Optional<Upload> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT + ", j.report::text FROM import_job j"
                + " LEFT JOIN operator o ON o.id = j.operator_id WHERE j.id = ? AND j.queued_at IS NOT NULL")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(upload(row, Optional.ofNullable(row.getString(17)))) : Optional.empty();
            }
        }
    }

    /**
     * Uploads waiting, importing, or ended within the last hour, newest first: one operator's, or
     * everyone's.
     */
    static List<Upload> recent(Connection connection, Optional<String> operator, int limit) throws SQLException {
        return Rows.list(connection, SELECT + " FROM import_job j LEFT JOIN operator o ON o.id = j.operator_id"
                + " WHERE j.queued_at IS NOT NULL"
                + " AND (j.status IN ('QUEUED', 'RUNNING') OR j.finished_at > clock_timestamp() - interval '1 hour')"
                + " AND (?::text IS NULL OR o.code = ?) ORDER BY j.queued_at DESC, j.id DESC LIMIT ?",
                row -> upload(row, Optional.empty()), operator.orElse(null), operator.orElse(null), limit);
    }

    private static Upload upload(ResultSet row, Optional<String> report) throws SQLException {
        Upload.State state = Upload.State.valueOf(row.getString(7));
        boolean ended = state.finished();
        return new Upload(row.getLong(1), ImportKind.valueOf(row.getString(2)), Optional.ofNullable(row.getString(3)),
                row.getString(4), row.getLong(5), row.getString(6), state, row.getBoolean(8), row.getBoolean(9),
                row.getString(10), instant(row, 11).orElseThrow(),
                state == Upload.State.QUEUED ? Optional.empty() : instant(row, 12), instant(row, 13),
                ended ? optionalLong(row, 14) : Optional.empty(), ended ? optionalLong(row, 15) : Optional.empty(),
                ended ? Optional.ofNullable(row.getString(16)) : Optional.empty(), Optional.empty(), report);
    }

    private static Optional<Long> optionalLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
