package org.ceir.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.ceir.core.country.Country;
import org.ceir.store.Database;
import org.ceir.store.Operators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files uploaded for import, whichever door they came through (the staff console's imports page,
 * {@code POST /api/v1/operator-data}): {@link #accept} keeps the file under {@code HOME/uploads} and
 * records it as a QUEUED {@code import_job}; a worker imports it through the same {@link Importer}
 * as {@code ceir import} (the importer takes that row RUNNING and ends it, so an upload is one job
 * from the moment it is taken); {@link #find} says how job N is doing, with its progress while it
 * runs here. Who may send what is decided here too: an operator's people and systems send only
 * their own operator's network data, always checked.
 *
 * <p>Jobs outlive the process: {@link #start()} takes up what a stopped process left QUEUED, or
 * RUNNING when it died (an import is all or nothing, and a file imported before changes nothing),
 * and fails a job whose file is gone. Servers over one database may all start queues: each job is
 * taken by one ({@link Jobs#claim}).
 */
public final class ImportQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportQueue.class);
    /** Keeps names safe on disk and in reports; operator files' names carry their meaning, so they are kept. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long {@link #close()} lets running imports end before leaving them to the next start. */
    private static final long CLOSE_SECONDS = 10;

    private final Database database;
    private final Country country;
    private final IngestSettings settings;
    private final Optional<Path> reports;
    private final Path uploads;
    private final ExecutorService workers;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();

    /**
     * @param reports where the importer writes report files ({@code HOME/reports}), or empty for none
     * @param uploads where files wait for their import ({@code HOME/uploads}); each is deleted when
     *                its import ends (its SHA-256 stays in the history)
     * @param workers imports run at once; more wait QUEUED (one operator's imports wait for each
     *                other anyway, different operators' merge side by side)
     */
    public ImportQueue(Database database, Country country, IngestSettings settings, Optional<Path> reports,
                       Path uploads, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + ": at least 1");
        }
        this.database = database;
        this.country = country;
        this.settings = settings;
        this.reports = reports;
        this.uploads = uploads;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "ceir-import-queue-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes up the uploads a stopped process left waiting or importing. */
    public void start() {
        List<UploadJobs.Waiting> waiting = database.transaction(connection -> {
            Jobs.reconcileInterrupted(connection);
            return UploadJobs.waiting(connection);
        });
        for (UploadJobs.Waiting job : waiting) {
            if (Files.isRegularFile(uploads.resolve(job.uploadPath()))) {
                LOG.info("upload {} ({}) waits for its import; importing it", job.id(), job.fileName());
                submit(job.id());
            } else {
                failQueued(job.id(), job.fileName() + ": the uploaded file is gone (the server stopped before"
                        + " importing it); send it again");
            }
        }
    }

    /**
     * Keeps a file and queues its import.
     *
     * @param body the file's bytes, read to the end here
     * @return the upload, QUEUED
     * @throws UploadRefused when the file is not taken; nothing was kept
     */
    public Upload accept(UploadRequest request, InputStream body) {
        String name = request.fileName();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new UploadRefused(UploadRefused.Reason.UNSAFE_NAME, request, null);
        }
        Optional<String> fileOperator = request.kind() == ImportKind.OPERATOR ? Importer.operatorOfFile(name)
                : Optional.empty();
        ImportOptions options = request.options();
        if (request.onlyOperator().isPresent()) {
            if (fileOperator.isEmpty()) {
                throw new UploadRefused(UploadRefused.Reason.NOT_AN_OPERATOR_FILE, request, null);
            }
            if (!fileOperator.get().equals(request.onlyOperator().get())) {
                throw new UploadRefused(UploadRefused.Reason.ANOTHER_OPERATORS_FILE, request, fileOperator.get());
            }
            options = options.withChecks(true); // an operator's data is always checked: only the regulator waives it
        }
        String directory = HexFormat.of().formatHex(randomBytes());
        Path file = uploads.resolve(directory).resolve(name);
        long id;
        try {
            Files.createDirectories(file.getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                bytes = copyAtMost(body, out, request);
            }
            if (bytes == 0) {
                throw new UploadRefused(UploadRefused.Reason.EMPTY, request, null);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            ImportOptions queued = options;
            id = database.transaction(connection -> UploadJobs.insert(connection, request, queued,
                    operatorId(connection, fileOperator), bytes, sha256, directory + "/" + name));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot keep the uploaded file in " + uploads + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(file);
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        live.put(id, new Live());
        submit(id);
        return find(id).orElseThrow();
    }

    /** Upload {@code id} and where its import is; empty when no job of that number was uploaded. */
    public Optional<Upload> find(long id) {
        return database.transaction(connection -> {
            Jobs.reconcileInterrupted(connection);
            return UploadJobs.find(connection, id);
        }).map(this::withProgress);
    }

    /**
     * The uploads waiting, importing, or ended within the last hour, newest first.
     *
     * @param operator one operator's (operator files whose name says so), or everyone's when empty
     */
    public List<Upload> recent(Optional<String> operator, int limit) {
        return database.transaction(connection -> UploadJobs.recent(connection, operator, limit)).stream()
                .map(this::withProgress).toList();
    }

    /**
     * Where upload {@code id} is while this process has it (queued here or importing): read from
     * memory, for pages that follow an import many times a second. Empty otherwise: ask {@link #find}.
     */
    public Optional<Upload.Progress> progress(long id) {
        return Optional.ofNullable(live.get(id)).map(Live::progress);
    }

    /**
     * Stops taking work: imports still running after a few seconds are abandoned (nothing of them
     * is written) and taken up again by the next {@link #start()}.
     */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("imports still running at shutdown; they start again with the next server");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void submit(long id) {
        live.putIfAbsent(id, new Live());
        workers.execute(() -> run(id));
    }

    private void run(long id) {
        Live progress = live.computeIfAbsent(id, key -> new Live());
        try {
            Optional<UploadJobs.Waiting> waiting = database.transaction(connection -> UploadJobs.waiting(connection, id));
            if (waiting.isEmpty()) {
                return; // another process's queue took it, or it ended meanwhile
            }
            UploadJobs.Waiting job = waiting.get();
            Path file = uploads.resolve(job.uploadPath());
            progress.state = Upload.State.RUNNING;
            try {
                new Importer(database, country, settings, reports, progress).importQueued(id, job.kind(), file,
                        job.options());
            } catch (JobTaken e) {
                LOG.debug("{}", e.getMessage());
                return; // its file is the other importer's to delete
            } catch (ImportException e) {
                if (e.jobId() == 0) {
                    failQueued(id, e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.error("the import of upload {} ({}) failed unexpectedly", id, job.fileName(), e);
                failQueued(id, job.fileName() + ": the import failed unexpectedly: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            deleteQuietly(file);
        } catch (RuntimeException e) {
            LOG.error("upload {}: cannot record the end of its import", id, e);
        } finally {
            live.remove(id);
        }
    }

    /** Ends a queued upload whose import could not begin, saying why; nothing if it no longer waits. */
    private void failQueued(long id, String why) {
        Report report = new Report();
        report.error(why);
        database.transaction(connection -> {
            try {
                Jobs.settle(connection, id, null, null, "FAILED", report.toJson(), why);
            } catch (JobTaken e) {
                LOG.debug("{}", e.getMessage()); // another importer has it: its end is that importer's to record
            }
            return null;
        });
    }

    private Upload withProgress(Upload upload) {
        Live here = upload.finished() ? null : live.get(upload.id());
        if (here == null) {
            return upload;
        }
        Upload.Progress now = here.progress();
        Upload.State state = upload.state() == Upload.State.QUEUED ? now.state() : upload.state();
        return new Upload(upload.id(), upload.kind(), upload.operator(), upload.fileName(), upload.bytes(),
                upload.sha256(), state, upload.checks(), upload.delta(), upload.uploadedBy(), upload.uploadedAt(),
                upload.startedAt(), upload.finishedAt(), upload.rowsRead(), upload.rowsChanged(), upload.summary(),
                state == Upload.State.RUNNING ? Optional.of(now) : Optional.empty(), upload.report());
    }

    /** The operator's id for a file whose name gives one this country has (its row made if missing). */
    private Short operatorId(Connection connection, Optional<String> code) throws SQLException {
        if (code.isEmpty() || country.operators().stream().noneMatch(o -> o.code().equals(code.get()))) {
            return null;
        }
        Map<String, Short> ids = Operators.ids(connection);
        return ids.containsKey(code.get()) ? ids.get(code.get()) : Operators.sync(connection, country).get(code.get());
    }

    private static long copyAtMost(InputStream in, OutputStream out, UploadRequest request) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > request.maxBytes()) {
                throw new UploadRefused(UploadRefused.Reason.TOO_LARGE, request, null);
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            LOG.warn("cannot delete the uploaded file {}: {}", file, e.getMessage());
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * An upload this process has, and the importer's news of it. Written by the importing thread,
     * read by pages: the fields are volatile, and written a few at a time, so a reader may see a
     * phase a moment before its numbers (never numbers that went backwards).
     */
    private static final class Live implements ImportListener {
        volatile Upload.State state = Upload.State.QUEUED;
        volatile String phase = "";
        volatile long bytesRead;
        volatile long bytesTotal;
        volatile long rows;

        @Override
        public void phase(String file, String phase) {
            this.phase = phase;
        }

        @Override
        public void progress(String file, long bytesRead, long bytesTotal, long rows) {
            this.bytesTotal = bytesTotal;
            this.bytesRead = bytesRead;
            this.rows = rows;
        }

        Upload.Progress progress() {
            return new Upload.Progress(state, phase, bytesRead, bytesTotal, rows);
        }
    }
}
