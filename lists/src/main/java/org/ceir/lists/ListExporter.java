package org.ceir.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.country.Operator;
import org.ceir.eir.EirSettings;
import org.ceir.eir.RegisterWalk;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.StoreException;

/**
 * Exports the lists ({@code ceir lists export}, and on a schedule inside {@code ceir serve}): the
 * blacklist, and each operator's notification and exception lists, in full and as deltas since a
 * base run, with a manifest of row counts and SHA-256s.
 *
 * <p>One run at a time (a PostgreSQL advisory lock, across processes). A run reads the register in
 * one REPEATABLE READ snapshot through {@link RegisterWalk}, the check engine's own policy, and
 * compares each new list with the list as it stands, row by row; only the differences are written
 * to the history ({@code list_entry}), in one transaction with the run's success. The files are
 * then written from that history, into a hidden folder moved into place at the end, so a failed
 * run leaves neither files nor history behind. The same state gives the same bytes: rows in IMEI,
 * IMSI, number order, nothing in a list file that depends on the moment.
 */
public final class ListExporter {
    /** "ceirlist": one list export at a time, whichever process runs it. */
    private static final long LOCK = 0x636569726c697374L;
    private static final String MANIFEST = "manifest.json";
    private static final String FORMAT = "ceir-lists/1";

    /**
     * What to export.
     *
     * @param outputDir where the files go; created if missing
     * @param baseRun   the run the deltas are measured from; empty: the newest successful run
     * @param trigger   COMMAND or SCHEDULE
     * @param actor     who runs it
     * @param overwrite whether files already in {@code outputDir} may be replaced
     */
    public record Request(Path outputDir, Optional<Long> baseRun, String trigger, String actor, boolean overwrite) {
    }

    /**
     * What a run did.
     *
     * @param imeis IMEIs of the register the policy decided
     */
    public record Result(ListRun run, Path manifest, long imeis, Duration took) {
    }

    private final Database database;
    private final EirSettings eir;
    private final Country country;
    private final NumberingPlan plan;
    private final ListsSettings settings;
    private final Path managedDirectory;
    private final Clock clock;
    private final ListRuns runs;

    /**
     * @param managedDirectory where scheduled runs write ({@code lists.directory} under the home
     *                         directory); pruning deletes old runs' folders only there
     */
    public ListExporter(Database database, EirSettings eir, Country country, ListsSettings settings,
                        Path managedDirectory, Clock clock) {
        this.database = database;
        this.eir = eir;
        this.country = country;
        this.plan = new NumberingPlan(country);
        this.settings = settings;
        this.managedDirectory = managedDirectory.toAbsolutePath().normalize();
        this.clock = clock;
        this.runs = new ListRuns(database);
    }

    /** The folder a scheduled run writes to. */
    public Path scheduledFolder(long runId) {
        return managedDirectory.resolve("run-" + runId);
    }

    /** Runs a scheduled export into {@code lists.directory/run-<id>}. */
    public Result exportScheduled(Consumer<String> progress) {
        return export(null, Optional.empty(), "SCHEDULE", "schedule", false, progress);
    }

    /**
     * Exports the lists.
     *
     * @throws ListsException CONFLICT when another export runs or the folder holds other files,
     *                        INVALID for a base run that is not a kept, successful run
     */
    public Result export(Request request, Consumer<String> progress) {
        return export(request.outputDir(), request.baseRun(), request.trigger(), request.actor(), request.overwrite(),
                progress);
    }

    private Result export(Path requestedDir, Optional<Long> requestedBase, String trigger, String actor,
                          boolean overwrite, Consumer<String> progress) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(eir.zone()));
        if (requestedDir != null) {
            checkOutputDir(requestedDir.toAbsolutePath().normalize(), overwrite);
        }
        try (Connection writer = database.dataSource().getConnection()) {
            writer.setAutoCommit(true);
            if (!tryLock(writer)) {
                throw new ListsException(ListsException.Kind.CONFLICT,
                        "another list export is running" + runningNote(writer) + "; try again when it has finished");
            }
            try {
                failInterrupted(writer);
                Optional<Long> base = base(writer, requestedBase);
                long runId = startRun(writer, today, base, trigger, actor);
                Path outputDir = requestedDir != null ? requestedDir.toAbsolutePath().normalize() : scheduledFolder(runId);
                progress.accept("list run " + runId + " for " + today + base.map(b -> ", deltas since run " + b)
                        .orElse(", no earlier run: the deltas hold the whole lists"));
                Path staging = outputDir.resolve(".ceir-partial-" + runId);
                try {
                    long imeis = build(writer, runId, today, progress);
                    List<ListFile> files = writeFiles(writer, staging, runId, base.orElse(0L), progress);
                    writeManifest(staging, runId, today, base, files);
                    publish(staging, outputDir, files);
                    finishRun(writer, runId, outputDir, Files.readString(outputDir.resolve(MANIFEST)), actor);
                    writer.commit();
                    writer.setAutoCommit(true);
                    ListRun run = runs.find(runId).orElseThrow();
                    progress.accept(String.format("list run %d: %,d IMEIs decided, %d files in %s", runId, imeis,
                            files.size() + 1, outputDir));
                    prune(progress);
                    return new Result(run, outputDir.resolve(MANIFEST), imeis, Duration.ofNanos(System.nanoTime() - started));
                } catch (Exception e) {
                    rollback(writer);
                    deleteTree(staging);
                    failRun(runId, e);
                    throw e;
                }
            } finally {
                unlock(writer);
            }
        } catch (SQLException e) {
            throw new StoreException("list export: the database failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("list export: cannot write the files: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("list export failed: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the newest {@code lists.keep-runs} successful runs: older ones lose their history rows
     * (no delta from them can be made any more) and, when under {@code lists.directory}, their files.
     */
    public void prune(Consumer<String> progress) {
        int pruned = database.transaction(connection -> {
            Long oldestKept = null;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM list_run WHERE status = 'SUCCEEDED' ORDER BY id DESC OFFSET ? LIMIT 1")) {
                query.setInt(1, settings.keepRuns() - 1);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        oldestKept = row.getLong(1);
                    }
                }
            }
            if (oldestKept == null) {
                return 0;
            }
            EntryStore.prune(connection, oldestKept);
            int runs = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE list_run SET pruned_at = now() WHERE id < ? AND pruned_at IS NULL RETURNING id, output_dir")) {
                update.setLong(1, oldestKept);
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        String dir = rows.getString(2);
                        Path path = dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
                        if (path != null && path.startsWith(managedDirectory) && !path.equals(managedDirectory)) {
                            deleteTree(path);
                        }
                        runs++;
                    }
                }
            }
            return runs;
        });
        if (pruned > 0) {
            progress.accept("pruned " + pruned + " old list run(s), keeping the newest " + settings.keepRuns());
        }
    }

    /** Builds the new lists and writes their differences to the history; returns the IMEIs decided. */
    private long build(Connection writer, long runId, LocalDate today, Consumer<String> progress) throws Exception {
        writer.setAutoCommit(false);
        List<String> operators = country.operators().stream().map(Operator::code).sorted().toList();
        LongArrayList removed = new LongArrayList();
        Map<String, ListSink.Counts> counts = new LinkedHashMap<>();
        long imeis;
        try (Connection reader = database.dataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            EntryStore.Appender appender = new EntryStore.Appender(writer, runId);
            List<ListSink> sinks = new ArrayList<>();
            try {
                ListSink blacklist = new ListSink(reader, ListKind.BLACKLIST, "", appender, removed);
                sinks.add(blacklist);
                Map<String, ListSink> exceptions = ListBuilder.sinks(reader, ListKind.EXCEPTIONS, operators, appender, removed);
                sinks.addAll(exceptions.values());
                Map<String, ListSink> notifications = ListBuilder.sinks(reader, ListKind.NOTIFICATIONS, operators,
                        appender, removed);
                sinks.addAll(notifications.values());
                ListBuilder builder = new ListBuilder(today, eir.zone(), eir.graceDays(), eir.exemptRoamers(), plan,
                        blacklist, notifications, exceptions);
                long walkStarted = System.nanoTime();
                imeis = new RegisterWalk(eir, country).walk(reader, today, builder);
                progress.accept(String.format("  register walked: %,d IMEIs in %.1f s, %,d in a grace period", imeis,
                        (System.nanoTime() - walkStarted) / 1e9, builder.graceCount()));
                builder.notifications(reader);
                for (ListSink sink : sinks) {
                    counts.put(sink.list().fileName(sink.operator(), false), sink.finish());
                }
                appender.close();
            } catch (Exception e) {
                appender.cancel();
                throw e;
            } finally {
                for (ListSink sink : sinks) {
                    sink.close();
                }
                reader.rollback();
            }
        }
        EntryStore.remove(writer, removed, runId);
        EntryStore.removeOtherOperators(writer, operators, runId);
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        counts.forEach((file, c) -> table.put(file, Map.of("rows", c.rows(), "added", c.added(), "removed", c.removed(),
                "changed", c.changed())));
        try (PreparedStatement update = writer.prepareStatement("UPDATE list_run SET counts = ?::jsonb WHERE id = ?")) {
            update.setString(1, Json.write(table));
            update.setLong(2, runId);
            update.executeUpdate();
        }
        return imeis;
    }

    private List<ListFile> writeFiles(Connection writer, Path staging, long runId, long base, Consumer<String> progress)
            throws SQLException, IOException {
        Files.createDirectories(staging);
        List<ListFiles.Name> names = new ArrayList<>();
        names.add(new ListFiles.Name(ListKind.BLACKLIST, "", false));
        names.add(new ListFiles.Name(ListKind.BLACKLIST, "", true));
        for (String operator : country.operators().stream().map(Operator::code).sorted().toList()) {
            for (ListKind list : List.of(ListKind.NOTIFICATIONS, ListKind.EXCEPTIONS)) {
                names.add(new ListFiles.Name(list, operator, false));
                names.add(new ListFiles.Name(list, operator, true));
            }
        }
        List<ListFile> files = new ArrayList<>();
        for (ListFiles.Name name : names) {
            try (OutputStream out = Files.newOutputStream(staging.resolve(name.fileName()))) {
                ListFile file = name.delta() ? ListFiles.writeDelta(writer, name, base, runId, out)
                        : ListFiles.writeFull(writer, name, runId, true, out);
                files.add(file);
            }
        }
        progress.accept("  files written: " + files.stream().filter(f -> !f.delta())
                .map(f -> f.name() + " " + f.rows()).toList());
        return files;
    }

    private void writeManifest(Path staging, long runId, LocalDate today, Optional<Long> base, List<ListFile> files)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("run", runId);
        manifest.put("generated_at", clock.instant().toString());
        manifest.put("as_of", today.toString());
        manifest.put("base_run", base.orElse(null));
        manifest.put("country", country.name());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ListFile file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", file.name());
            entry.put("list", file.list().fileStem());
            entry.put("operator", file.operator().orElse(null));
            entry.put("kind", file.delta() ? "delta" : "full");
            entry.put("rows", file.rows());
            entry.put("bytes", file.bytes());
            entry.put("sha256", file.sha256());
            entries.add(entry);
        }
        manifest.put("files", entries);
        Files.writeString(staging.resolve(MANIFEST), Json.PRETTY.writeValueAsString(manifest) + "\n");
    }

    /** Moves the finished files into place, the manifest last, and removes the hidden folder. */
    private static void publish(Path staging, Path outputDir, List<ListFile> files) throws IOException {
        for (ListFile file : files) {
            Files.move(staging.resolve(file.name()), outputDir.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging.resolve(MANIFEST), outputDir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.delete(staging);
    }

    private static void checkOutputDir(Path dir, boolean overwrite) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ListsException(ListsException.Kind.INVALID, dir + " is a file, not a folder");
        }
        if (!overwrite && Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new ListsException(ListsException.Kind.CONFLICT, dir
                            + " is not empty: give an empty or new folder, or --overwrite to replace an earlier export there");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            connection.setAutoCommit(true);
            unlock.setLong(1, LOCK);
            unlock.execute();
        } catch (SQLException ignored) {
            // a broken connection has released its session's locks already
        }
    }

    private static String runningNote(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, started_by, started_at FROM list_run WHERE status = 'RUNNING' ORDER BY id DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? " (run " + row.getLong(1) + ", started by " + row.getString(2) + " at "
                    + row.getObject(3, java.time.OffsetDateTime.class).toInstant() + ")" : "";
        }
    }

    /** Runs left RUNNING while nobody holds the lock died with their process: nothing of them was committed. */
    private static void failInterrupted(Connection connection) throws SQLException {
        try (Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE list_run SET status = 'FAILED', finished_at = now(), failure ="
                    + " 'interrupted: the exporting process stopped before it finished; nothing of it was kept'"
                    + " WHERE status = 'RUNNING'");
        }
    }

    private static Optional<Long> base(Connection connection, Optional<Long> requested) throws SQLException {
        if (requested.isEmpty()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT max(id) FROM list_run WHERE status = 'SUCCEEDED' AND pruned_at IS NULL");
                 ResultSet row = query.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(id);
            }
        }
        ListRuns.requireKeptRun(connection, requested.get());
        return requested;
    }

    private long startRun(Connection connection, LocalDate today, Optional<Long> base, String trigger, String actor)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO list_run (status, as_of, base_run, trigger, started_by, started_at)"
                        + " VALUES ('RUNNING', ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setObject(1, today);
            insert.setObject(2, base.orElse(null));
            insert.setString(3, trigger);
            insert.setString(4, actor);
            insert.setObject(5, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void finishRun(Connection connection, long runId, Path outputDir, String manifest, String actor)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE list_run SET status = 'SUCCEEDED', output_dir = ?, manifest = ?::jsonb, finished_at = ?"
                        + " WHERE id = ?")) {
            update.setString(1, outputDir.toString());
            update.setString(2, manifest);
            update.setObject(3, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
            update.setLong(4, runId);
            update.executeUpdate();
        }
        AuditLog.append(connection, actor, "LISTS_EXPORTED", "list-run:" + runId, null,
                Json.object("output_dir", outputDir.toString()), null);
    }

    private void failRun(long runId, Exception cause) {
        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        try {
            database.transaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE list_run SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ?")) {
                    update.setString(1, reason);
                    update.setObject(2, java.time.OffsetDateTime.ofInstant(Instant.now(clock), java.time.ZoneOffset.UTC));
                    update.setLong(3, runId);
                    update.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection broke; its transaction is gone with it
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
