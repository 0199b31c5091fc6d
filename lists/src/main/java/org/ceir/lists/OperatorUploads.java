package org.ceir.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.ceir.ingest.ImportException;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportResult;
import org.ceir.ingest.Importer;
import org.ceir.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator data files sent over the API: each is written to a spool folder, recorded as a QUEUED
 * job, and imported in the background by the same {@link Importer} as {@code ceir import operator}
 * (all or nothing, idempotent, its validation report kept with the import job). The caller polls
 * the job. An operator may send only its own files, named as the importer wants them.
 *
 * <p>Jobs outlive the process: at {@link #start()}, a job left QUEUED or RUNNING by a process that
 * stopped is imported again from its spooled file (an import is all or nothing and a file imported
 * before changes nothing), or marked FAILED when the file is gone.
 */
public final class OperatorUploads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorUploads.class);
    private static final Pattern NAME = Pattern.compile(
            "([a-z][a-z0-9]*)_[0-9]{8}_[0-9]{8}(\\.csv(\\.gz|\\.zip)?|\\.zip|\\.gz)", Pattern.CASE_INSENSITIVE);

    /** Where a job stands. */
    public enum State { QUEUED, RUNNING, SUCCEEDED, UNCHANGED, FAILED }

    /**
     * Reading progress of a running job, as the importer reports it.
     *
     * @param phase the importer's current step, e.g. "merging triplets"
     */
    public record Progress(String phase, long bytesRead, long bytesTotal, long rows) {
    }

    /**
     * One uploaded file and its import.
     *
     * @param importJob the importer's {@code import_job}, once it has one
     * @param report    the importer's validation report (JSON), once it has one
     */
    public record Upload(long id, String operator, String fileName, long bytes, String sha256, State state,
                         Optional<Long> importJob, Optional<Long> rowsRead, Optional<Long> rowsChanged,
                         Optional<String> summary, String uploadedBy, Instant uploadedAt, Optional<Instant> startedAt,
                         Optional<Instant> finishedAt, Optional<Progress> progress, Optional<String> report) {
        public boolean finished() {
            return state == State.SUCCEEDED || state == State.UNCHANGED || state == State.FAILED;
        }
    }

    private final Database database;
    private final Function<ImportListener, Importer> importers;
    private final Path spool;
    private final long maxBytes;
    private final ExecutorService workers;
    private final Map<Long, Progress> running = new ConcurrentHashMap<>();

    /**
     * @param importers makes the importer the files go through, telling the given listener its
     *                  progress (its reports directory holds the text reports)
     * @param spool     where uploaded files wait for their import (removed once imported)
     */
    public OperatorUploads(Database database, Function<ImportListener, Importer> importers, Path spool,
                           ListsSettings settings) {
        this.database = database;
        this.importers = importers;
        this.spool = spool;
        this.maxBytes = settings.uploadMaxBytes();
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.uploadThreads(), task -> {
            Thread thread = new Thread(task, "ceir-upload-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes up the jobs a stopped process left behind. */
    public void start() {
        database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, file_name FROM operator_upload WHERE state IN ('QUEUED', 'RUNNING') ORDER BY id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    Path file = spooled(id, rows.getString(2));
                    if (Files.isRegularFile(file)) {
                        LOG.info("upload {} ({}) was left unfinished; importing it again", id, rows.getString(2));
                        workers.submit(() -> run(id, file));
                    } else {
                        finish(id, State.FAILED, null, null, null,
                                "interrupted, and the uploaded file is gone: send it again");
                    }
                }
            }
            return null;
        });
    }

    /**
     * Takes an operator's file and queues its import.
     *
     * @param operator the caller's operator: the file's name must begin with it
     * @param fileName the file's name, {@code <operator>_<YYYYMMDD>_<YYYYMMDD>.csv[.gz|.zip]}
     * @param body     the file's bytes
     * @param actor    who sends it, for the import's history and audit
     * @throws ListsException INVALID for a bad name or an empty file, FORBIDDEN for another
     *                        operator's file, TOO_LARGE past {@code lists.upload-max-megabytes}
     */
    public Upload accept(String operator, String fileName, InputStream body, String actor) {
        String name = fileName == null ? "" : fileName.strip();
        Matcher match = NAME.matcher(name);
        if (!match.matches()) {
            throw new ListsException(ListsException.Kind.INVALID, "'" + name + "': an operator file is named"
                    + " <operator>_<YYYYMMDD>_<YYYYMMDD>.csv (or .csv.gz, .zip), e.g. " + operator
                    + "_20260501_20260501.csv.gz");
        }
        if (!match.group(1).toLowerCase(Locale.ROOT).equals(operator)) {
            throw new ListsException(ListsException.Kind.FORBIDDEN, "'" + name + "' is " + match.group(1)
                    + "'s data; you send data for " + operator + " only");
        }
        Path staging = spool.resolve("incoming-" + UUID.randomUUID());
        long bytes;
        String sha256;
        try {
            Files.createDirectories(spool);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(staging), digest)) {
                bytes = copyAtMost(body, out, maxBytes);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UncheckedIOException("cannot keep the uploaded file in " + spool + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
        if (bytes == 0) {
            deleteQuietly(staging);
            throw new ListsException(ListsException.Kind.INVALID, "'" + name + "' is empty: send the file in the body");
        }
        long id;
        Path file;
        try {
            id = database.transaction(connection -> {
                short operatorId = Lookups.operatorId(connection, operator);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO operator_upload (operator_id, file_name, bytes, sha256, state, uploaded_by)"
                                + " VALUES (?, ?, ?, ?, 'QUEUED', ?) RETURNING id")) {
                    insert.setShort(1, operatorId);
                    insert.setString(2, name);
                    insert.setLong(3, bytes);
                    insert.setString(4, sha256);
                    insert.setString(5, actor);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
            file = spooled(id, name);
            Files.createDirectories(file.getParent());
            Files.move(staging, file);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UncheckedIOException("cannot keep the uploaded file in " + spool + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
        workers.submit(() -> run(id, file));
        return find(id).orElseThrow();
    }

    /** A job, for any caller (the console); see {@link #find(long, String)} for an operator's. */
    public Optional<Upload> find(long id) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT u.id, o.code, u.file_name, u.bytes, u.sha256, u.state, u.import_job_id, u.rows_read,"
                            + " u.rows_changed, u.summary, u.uploaded_by, u.uploaded_at, u.started_at, u.finished_at,"
                            + " j.report::text FROM operator_upload u JOIN operator o ON o.id = u.operator_id"
                            + " LEFT JOIN import_job j ON j.id = u.import_job_id WHERE u.id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    State state = State.valueOf(row.getString(6));
                    return Optional.of(new Upload(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getString(5), state, optionalLong(row, 7), optionalLong(row, 8), optionalLong(row, 9),
                            Optional.ofNullable(row.getString(10)), row.getString(11), instant(row, 12).orElseThrow(),
                            instant(row, 13), instant(row, 14),
                            state == State.RUNNING ? Optional.ofNullable(running.get(id)) : Optional.empty(),
                            Optional.ofNullable(row.getString(15))));
                }
            }
        });
    }

    /** A job as its operator may see it: another operator's job is as absent as one that never was. */
    public Optional<Upload> find(long id, String operator) {
        return find(id).filter(upload -> upload.operator().equals(operator));
    }

    /** Waits until every queued job has run; for tests and orderly shutdown. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("uploads still importing after 5 minutes; they resume at the next start");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void run(long id, Path file) {
        String actor = database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE operator_upload SET state = 'RUNNING', started_at = clock_timestamp() WHERE id = ?"
                            + " RETURNING uploaded_by")) {
                update.setLong(1, id);
                try (ResultSet row = update.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        running.put(id, new Progress("waiting", 0, 0, 0));
        ImportListener listener = new ImportListener() {
            @Override
            public void phase(String name, String phase) {
                running.compute(id, (k, p) -> new Progress(phase, p == null ? 0 : p.bytesRead(),
                        p == null ? 0 : p.bytesTotal(), p == null ? 0 : p.rows()));
            }

            @Override
            public void progress(String name, long bytesRead, long bytesTotal, long rows) {
                running.compute(id, (k, p) -> new Progress(p == null ? "reading" : p.phase(), bytesRead, bytesTotal, rows));
            }
        };
        try {
            ImportResult result = importers.apply(listener).importOperator(file, ImportOptions.by(actor));
            finish(id, result.outcome() == ImportResult.Outcome.SUCCEEDED ? State.SUCCEEDED : State.UNCHANGED,
                    result.jobId(), result.rowsRead(), result.rowsChanged(), result.summary());
        } catch (ImportException e) {
            finish(id, State.FAILED, e.jobId() == 0 ? null : e.jobId(), null, null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("upload {} failed unexpectedly", id, e);
            finish(id, State.FAILED, null, null, null, "the import failed unexpectedly: " + e.getMessage());
        } finally {
            running.remove(id);
            deleteQuietly(file);
            deleteQuietly(file.getParent());
        }
    }

    private void finish(long id, State state, Long importJob, Long rowsRead, Long rowsChanged, String summary) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE operator_upload SET state = ?, import_job_id = ?, rows_read = ?, rows_changed = ?,"
                            + " summary = ?, finished_at = clock_timestamp() WHERE id = ?")) {
                update.setString(1, state.name());
                update.setObject(2, importJob);
                update.setObject(3, rowsRead);
                update.setObject(4, rowsChanged);
                update.setString(5, summary);
                update.setLong(6, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    private Path spooled(long id, String fileName) {
        return spool.resolve(Long.toString(id)).resolve(fileName);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > limit) {
                throw new ListsException(ListsException.Kind.TOO_LARGE, "the file is larger than "
                        + limit / (1024 * 1024) + " MB (lists.upload-max-megabytes); send it in smaller files, a day each");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static Optional<Long> optionalLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", path, e.getMessage());
        }
    }
}
