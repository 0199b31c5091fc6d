package org.ceir.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.javalin.http.sse.SseClient;
import org.ceir.ingest.ImportException;
import org.ceir.ingest.ImportKind;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportResult;
import org.ceir.ingest.Importer;
import org.ceir.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imports started from the console, run in the background, and what their pages watch: each
 * run listens to its importer ({@link ImportListener}), keeps where it is, and a ticker pushes the
 * changes to the browsers following it (server-sent events) a few times a second. The importing
 * thread only writes a few fields, so a slow browser never slows an import.
 *
 * <p>Uploaded files wait under {@code HOME/uploads} and are deleted when their import ends: the
 * data is then in the store, and the file's SHA-256 in the import history. Finished runs are
 * forgotten after an hour (their job stays in the history).
 */
final class ImportRuns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportRuns.class);
    /** Two imports at once: different operators' files merge side by side; more would only queue on 2 cores. */
    private static final int WORKERS = 2;
    private static final long TICK_MILLIS = 250;
    private static final Duration KEEP_FINISHED = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where an import is. */
    enum State { QUEUED, RUNNING, SUCCEEDED, UNCHANGED, FAILED }

    private final Database database;
    private final ConsoleServices console;
    private final ExecutorService workers;
    private final ScheduledExecutorService ticker;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    ImportRuns(Database database, ConsoleServices console) {
        this.database = database;
        this.console = console;
        this.workers = Executors.newFixedThreadPool(WORKERS, daemon("ceir-console-import"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("ceir-console-import-events"));
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * One import started here. Written by the importing thread, read by pages and the ticker: the
     * fields are volatile, and {@link #version} tells the ticker something changed.
     */
    static final class Run implements ImportListener {
        final String id;
        final ImportKind kind;
        final String fileName;
        final long bytes;
        final String startedBy;
        final Optional<String> operator;
        final Instant queuedAt = Instant.now();
        final List<SseClient> followers = new CopyOnWriteArrayList<>();
        final AtomicInteger version = new AtomicInteger();
        volatile State state = State.QUEUED;
        volatile String phase = "";
        volatile long bytesRead;
        volatile long rows;
        volatile long jobId;
        volatile String summary = "";
        volatile Instant finishedAt;
        private int sent = -1;

        Run(String id, ImportKind kind, String fileName, long bytes, String startedBy, Optional<String> operator) {
            this.id = id;
            this.kind = kind;
            this.fileName = fileName;
            this.bytes = bytes;
            this.startedBy = startedBy;
            this.operator = operator;
        }

        @Override
        public void phase(String file, String phase) {
            this.phase = phase;
            version.incrementAndGet();
        }

        @Override
        public void progress(String file, long bytesRead, long bytesTotal, long rows) {
            this.bytesRead = bytesRead;
            this.rows = rows;
            version.incrementAndGet();
        }

        /** The phase as a message key's last part: {@code merging-triplets}, {@code waiting}… */
        String phaseKey() {
            return phaseKey(phase);
        }

        static String phaseKey(String phase) {
            return phase.startsWith("waiting") ? "waiting" : phase.replace(' ', '-');
        }

        boolean finished() {
            return finishedAt != null;
        }

        /** How much of the file has been read, 0 to 100. */
        int percent() {
            if (state == State.SUCCEEDED || state == State.UNCHANGED) {
                return 100;
            }
            return bytes <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytes);
        }

        /** The state as the page's script reads it. */
        Map<String, Object> snapshot() {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("state", state.name());
            snapshot.put("phase", phaseKey());
            snapshot.put("percent", percent());
            snapshot.put("bytesRead", bytesRead);
            snapshot.put("bytes", bytes);
            snapshot.put("rows", rows);
            snapshot.put("jobId", jobId);
            snapshot.put("summary", summary);
            return snapshot;
        }

        private void finish(State end, long job, String text) {
            jobId = job;
            summary = text;
            state = end;
            finishedAt = Instant.now();
            version.incrementAndGet();
        }
    }

    /** An upload to import as {@code kind} with {@code options}: its file is now this run's to delete. */
    Run start(ImportKind kind, Path upload, String fileName, ImportOptions options, Optional<String> operator)
            throws IOException {
        String id = HexFormat.of().formatHex(randomBytes());
        Run run = new Run(id, kind, fileName, Files.size(upload), options.actor(), operator);
        runs.put(id, run);
        workers.execute(() -> execute(run, upload, options));
        return run;
    }

    Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The runs of this server that {@code visible} lets the viewer see, newest first. */
    List<Run> list(java.util.function.Predicate<Run> visible) {
        List<Run> list = new ArrayList<>(runs.values().stream().filter(visible).toList());
        list.sort((a, b) -> b.queuedAt.compareTo(a.queuedAt));
        return list;
    }

    /** A browser following a run: it gets the state now and every change until the run ends. */
    void follow(Run run, SseClient client) {
        client.keepAlive();
        client.onClose(() -> run.followers.remove(client));
        run.followers.add(client);
        send(client, run);
        if (run.finished()) {
            client.close();
        }
    }

    private void execute(Run run, Path upload, ImportOptions options) {
        run.state = State.RUNNING;
        run.version.incrementAndGet();
        Importer importer = new Importer(database, console.country(), console.ingest(), Optional.of(console.reports()),
                run);
        try {
            ImportResult result = switch (run.kind) {
                case OPERATOR -> importer.importOperator(upload, options);
                case TAC -> importer.importTac(upload, options);
                case REGISTRATIONS -> importer.importRegistrations(upload, options);
                case STOLEN -> importer.importStolen(upload, options);
                case PAIRINGS -> importer.importPairings(upload, options);
            };
            run.finish(result.outcome() == ImportResult.Outcome.SUCCEEDED ? State.SUCCEEDED : State.UNCHANGED,
                    result.jobId(), result.summary());
        } catch (ImportException e) {
            run.finish(State.FAILED, e.jobId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("console import {} of {} failed", run.id, run.fileName, e);
            run.finish(State.FAILED, 0, run.fileName + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            deleteUpload(upload);
        }
    }

    private static void deleteUpload(Path upload) {
        try {
            Files.deleteIfExists(upload);
            Files.deleteIfExists(upload.getParent());
        } catch (IOException e) {
            LOG.warn("cannot delete the uploaded file {}: {}", upload, e.getMessage());
        }
    }

    /** Pushes each run's news to its followers; closes them once it ended; forgets old runs. */
    private void tick() {
        try {
            Instant forget = Instant.now().minus(KEEP_FINISHED);
            for (Run run : runs.values()) {
                int version = run.version.get();
                if (version != run.sent) {
                    run.sent = version;
                    for (SseClient client : run.followers) {
                        send(client, run);
                        if (run.finished()) {
                            client.close();
                        }
                    }
                }
                if (run.finished() && run.finishedAt.isBefore(forget)) {
                    runs.remove(run.id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("pushing import progress failed: {}", e.toString());
        }
    }

    private static void send(SseClient client, Run run) {
        if (client.terminated()) {
            run.followers.remove(client);
            return;
        }
        try {
            client.sendEvent(run.finished() ? "done" : "progress", Json.MAPPER.writeValueAsString(run.snapshot()));
        } catch (IOException | RuntimeException e) {
            run.followers.remove(client);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        for (Run run : runs.values()) {
            run.followers.forEach(SseClient::close);
        }
    }
}
