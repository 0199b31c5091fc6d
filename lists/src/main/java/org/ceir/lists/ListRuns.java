package org.ceir.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.store.Database;
import org.ceir.store.StoreException;

/**
 * The history of list exports and their files: for the console, the command line and operators'
 * downloads. A file is rebuilt from the list history on request, so it is the same bytes as the
 * file the run wrote (the manifest's SHA-256 holds), even after the run's folder is gone, and a
 * delta can be had from any kept run, not only the one the run measured from.
 */
public final class ListRuns {
    private static final String COLUMNS = "id, status, as_of, base_run, trigger, output_dir, manifest::text,"
            + " counts::text, failure, started_by, started_at, finished_at, pruned_at";

    private final Database database;

    public ListRuns(Database database) {
        this.database = database;
    }

    /** The newest runs first. */
    public List<ListRun> history(int limit) {
        return database.transaction(connection -> query(connection, " ORDER BY id DESC LIMIT ?", limit));
    }

    public Optional<ListRun> find(long id) {
        return database.transaction(connection -> query(connection, " WHERE id = ?", id)).stream().findFirst();
    }

    /** The newest successful run, if any. */
    public Optional<ListRun> latest() {
        return database.transaction(connection -> query(connection,
                " WHERE status = 'SUCCEEDED' ORDER BY id DESC LIMIT 1", null)).stream().findFirst();
    }

    /**
     * Writes one file of a successful, kept run, as it wrote it (or, for a delta, measured from
     * {@code base} instead of the run's own base).
     *
     * @param fileName e.g. {@code blacklist.csv}, {@code exceptions_azercell_delta.csv}
     * @param base     for a delta: the run to measure from; empty: the run's own base
     * @return the file's name, rows and SHA-256
     * @throws ListsException NOT_FOUND for a run or file there is not, INVALID for a bad base
     */
    public ListFile write(long runId, String fileName, Optional<Long> base, OutputStream out) {
        ListFiles.Name name = ListFiles.parse(fileName).orElseThrow(() -> new ListsException(
                ListsException.Kind.NOT_FOUND, "no list file '" + fileName + "': blacklist.csv, blacklist_delta.csv,"
                + " notifications_<operator>[_delta].csv or exceptions_<operator>[_delta].csv"));
        if (!name.delta() && base.isPresent()) {
            throw new ListsException(ListsException.Kind.INVALID, "base is for a delta file; " + fileName
                    + " is a full list");
        }
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                ListRun run = query(connection, " WHERE id = ?", runId).stream().findFirst()
                        .filter(ListRun::succeeded)
                        .orElseThrow(() -> new ListsException(ListsException.Kind.NOT_FOUND, "no successful list run "
                                + runId));
                if (run.pruned().isPresent()) {
                    throw new ListsException(ListsException.Kind.NOT_FOUND, "list run " + runId
                            + " is older than the runs kept (lists.keep-runs); take the latest");
                }
                if (run.file(name.fileName()).isEmpty()) {
                    throw new ListsException(ListsException.Kind.NOT_FOUND, "list run " + runId + " has no " + fileName);
                }
                if (!name.delta()) {
                    return ListFiles.writeFull(connection, name, runId, isLatest(connection, runId), out);
                }
                long from = base.orElse(run.baseRun().orElse(0L));
                if (base.isPresent()) {
                    requireKeptRun(connection, from);
                    if (from >= runId) {
                        throw new ListsException(ListsException.Kind.INVALID, "base run " + from
                                + " is not older than run " + runId);
                    }
                }
                return ListFiles.writeDelta(connection, name, from, runId, out);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("list file: the database failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("list file: cannot send it: " + e.getMessage(), e);
        }
    }

    /** Refuses a base run that is not a successful run whose history is still kept. */
    static void requireKeptRun(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT status, pruned_at IS NOT NULL FROM list_run WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !row.getString(1).equals("SUCCEEDED")) {
                    throw new ListsException(ListsException.Kind.INVALID, "base run " + id
                            + " is not a successful list run; ceir lists runs shows them");
                }
                if (row.getBoolean(2)) {
                    throw new ListsException(ListsException.Kind.INVALID, "base run " + id
                            + " is older than the runs kept (lists.keep-runs): its history is gone; take the full lists");
                }
            }
        }
    }

    private static boolean isLatest(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT NOT EXISTS (SELECT 1 FROM list_run WHERE id > ? AND status = 'SUCCEEDED')")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static List<ListRun> query(Connection connection, String tail, Object parameter) throws SQLException {
        List<ListRun> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM list_run" + tail)) {
            if (parameter != null) {
                query.setObject(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long base = row.getLong(4);
                    Optional<Long> baseRun = row.wasNull() ? Optional.empty() : Optional.of(base);
                    runs.add(new ListRun(row.getLong(1), row.getString(2), row.getObject(3, LocalDate.class), baseRun,
                            row.getString(5), Optional.ofNullable(row.getString(6)).map(Path::of),
                            files(row.getString(7)), counts(row.getString(8)), Optional.ofNullable(row.getString(9)),
                            row.getString(10), instant(row, 11).orElseThrow(), instant(row, 12), instant(row, 13)));
                }
            }
        }
        return runs;
    }

    private static List<ListFile> files(String manifest) {
        if (manifest == null) {
            return List.of();
        }
        try {
            List<ListFile> files = new ArrayList<>();
            for (JsonNode file : Json.MAPPER.readTree(manifest).path("files")) {
                String operator = file.path("operator").isNull() ? null : file.path("operator").asText();
                files.add(new ListFile(file.path("name").asText(), ListFiles.parse(file.path("name").asText())
                        .orElseThrow().list(), Optional.ofNullable(operator), file.path("kind").asText().equals("delta"),
                        file.path("rows").asLong(), file.path("bytes").asLong(), file.path("sha256").asText()));
            }
            return files;
        } catch (IOException e) {
            throw new IllegalStateException("a list run's manifest is not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, Long>> counts(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Map<String, Long>>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("a list run's counts are not JSON: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
