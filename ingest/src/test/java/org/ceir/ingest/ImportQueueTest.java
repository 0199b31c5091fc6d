package org.ceir.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads: taken, queued as their import job, imported in the background, taken up after a stop. */
class ImportQueueTest {
    private static final String DAY = "date,imei,imsi,msisdn,rat\n"
            + "20240501,352099001761481,111011234567890,2250000001,006\n";
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private Database database;
    private Path uploads;
    private ImportQueue queue;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        uploads = dir.resolve("uploads");
        queue = queue();
    }

    @AfterEach
    void tearDown() {
        queue.close();
        database.close();
    }

    @Test
    void accept_importsInTheBackgroundAsOneJobFromQueuedToItsEnd() throws Exception {
        Upload taken = queue.accept(regulator(ImportKind.OPERATOR, "operator1_20240501_20240501.csv"), body(DAY));

        assertThat(taken.state()).isIn(Upload.State.QUEUED, Upload.State.RUNNING);
        assertThat(taken.operator()).contains("operator1");
        assertThat(taken.bytes()).isEqualTo(DAY.length());
        Upload done = finished(taken.id());
        assertThat(done.state()).isEqualTo(Upload.State.SUCCEEDED);
        assertThat(done.rowsRead()).contains(1L);
        assertThat(done.summary()).hasValueSatisfying(s -> assertThat(s).contains("operator1_20240501_20240501.csv"));
        assertThat(done.report()).hasValueSatisfying(r -> assertThat(r).contains("\"outcome\": \"SUCCEEDED\""));
        assertThat(done.progress()).isEmpty();
        assertThat(Fixtures.rows(database, "SELECT id, status, queued_at IS NOT NULL, bytes, upload_path, summary IS NOT NULL"
                + " FROM import_job")).containsExactly(taken.id() + "|SUCCEEDED|t|" + DAY.length() + "|null|t");
        assertThat(Fixtures.count(database, "SELECT count(*) FROM audit_log WHERE action = 'IMPORT_OPERATOR_DATA'"
                + " AND subject = ?", "import_job:" + taken.id())).isEqualTo(1);
        assertThat(filesIn(uploads)).isZero();
        assertThat(queue.recent(Optional.of("operator1"), 10)).extracting(Upload::id).containsExactly(taken.id());
        assertThat(queue.recent(Optional.of("operator2"), 10)).isEmpty();
    }

    @Test
    void accept_theSameFileAgainEndsUnchangedInItsOwnJob() throws Exception {
        long first = finished(queue.accept(regulator(ImportKind.OPERATOR, "operator1_20240501_20240501.csv"), body(DAY))
                .id()).id();

        Upload again = finished(queue.accept(regulator(ImportKind.OPERATOR, "operator1_20240501_20240501.csv"),
                body(DAY)).id());

        assertThat(again.state()).isEqualTo(Upload.State.UNCHANGED);
        assertThat(again.summary()).hasValueSatisfying(s -> assertThat(s).contains("already imported as job " + first));
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job")).isEqualTo(2);
    }

    @Test
    void accept_aRefusedFileEndsFailedWithTheImportersReason() throws Exception {
        Upload refused = finished(queue.accept(regulator(ImportKind.OPERATOR, "operator1_20240501_20240501.csv"),
                body("day,imei\n20240501,352099001761481\n")).id());

        assertThat(refused.state()).isEqualTo(Upload.State.FAILED);
        assertThat(refused.summary()).hasValueSatisfying(s -> assertThat(s).contains("nothing was imported"));
        assertThat(refused.report()).hasValueSatisfying(r -> assertThat(r).contains("\"error\""));
        assertThat(filesIn(uploads)).isZero();
    }

    @Test
    void accept_anOperatorSendsOnlyItsOwnDataFilesAlwaysChecked() throws Exception {
        assertThat(refusal(operator1("operator2_20240501_20240501.csv"), DAY).reason())
                .isEqualTo(UploadRefused.Reason.ANOTHER_OPERATORS_FILE);
        assertThat(refusal(operator1("operator2_20240501_20240501.csv"), DAY).fileOperator()).contains("operator2");
        assertThat(refusal(operator1("may.csv"), DAY).reason()).isEqualTo(UploadRefused.Reason.NOT_AN_OPERATOR_FILE);
        assertThat(refusal(operator1("../operator1_20240501_20240501.csv"), DAY).reason())
                .isEqualTo(UploadRefused.Reason.UNSAFE_NAME);
        assertThatThrownBy(() -> new UploadRequest(ImportKind.TAC, "tac.csv", ImportOptions.by("operator1"),
                Optional.of("operator1"), MB)).isInstanceOf(IllegalArgumentException.class);

        Upload own = finished(queue.accept(operator1("operator1_20240501_20240501.csv"), body(DAY)).id());

        assertThat(own.checks()).isTrue();
        assertThat(own.state()).isEqualTo(Upload.State.SUCCEEDED);
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job")).isEqualTo(1);
    }

    @Test
    void accept_anEmptyOrTooLargeFileIsRefusedAndNothingKept() throws Exception {
        assertThat(refusal(regulator(ImportKind.TAC, "tac.csv"), "").reason()).isEqualTo(UploadRefused.Reason.EMPTY);
        UploadRefused large = refusal(new UploadRequest(ImportKind.OPERATOR, "operator1_20240501_20240501.csv",
                ImportOptions.by("test"), Optional.empty(), 10), DAY);

        assertThat(large.reason()).isEqualTo(UploadRefused.Reason.TOO_LARGE);
        assertThat(large.maxBytes()).isEqualTo(10);
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job")).isZero();
        assertThat(filesIn(uploads)).isZero();
    }

    @Test
    void start_takesUpWhatAStoppedProcessLeftAndFailsAnUploadWhoseFileIsGone() throws Exception {
        long waiting = leftBehind("operator1_20240501_20240501.csv", DAY, "QUEUED");
        long interrupted = leftBehind("operator2_20240501_20240501.csv",
                DAY.replace("111011234567890", "111021234567890"), "RUNNING");
        long lost = leftBehind("operator4_20240501_20240501.csv", DAY.replace("11101", "11104"), "QUEUED");
        Files.delete(uploads.resolve("left/operator4_20240501_20240501.csv"));

        queue.start();

        assertThat(finished(waiting).state()).isEqualTo(Upload.State.SUCCEEDED);
        assertThat(finished(interrupted).state()).isEqualTo(Upload.State.SUCCEEDED);
        Upload gone = finished(lost);
        assertThat(gone.state()).isEqualTo(Upload.State.FAILED);
        assertThat(gone.summary()).hasValueSatisfying(s -> assertThat(s).contains("the uploaded file is gone"));
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job")).isEqualTo(3);
    }

    @Test
    void start_queuesOfTwoServersImportAnUploadOnce() throws Exception {
        long waiting = leftBehind("operator1_20240501_20240501.csv", DAY, "QUEUED");

        try (ImportQueue other = queue()) {
            CompletableFuture.allOf(CompletableFuture.runAsync(queue::start), CompletableFuture.runAsync(other::start))
                    .join();
            assertThat(finished(waiting).state()).isEqualTo(Upload.State.SUCCEEDED);
        }

        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job")).isEqualTo(1);
        assertThat(Fixtures.count(database, "SELECT count(*) FROM audit_log WHERE action = 'IMPORT_OPERATOR_DATA'"))
                .isEqualTo(1);
    }

    private ImportQueue queue() {
        return new ImportQueue(database, Fixtures.TESTLAND, IngestSettings.defaults(), Optional.of(dir.resolve("reports")),
                uploads, 2);
    }

    private static UploadRequest regulator(ImportKind kind, String name) {
        return new UploadRequest(kind, name, ImportOptions.by("regulator").withChecks(false), Optional.empty(), MB);
    }

    private static UploadRequest operator1(String name) {
        return new UploadRequest(ImportKind.OPERATOR, name, ImportOptions.by("operator1").withChecks(false),
                Optional.of("operator1"), MB);
    }

    private UploadRefused refusal(UploadRequest request, String content) {
        try {
            queue.accept(request, body(content));
        } catch (UploadRefused e) {
            return e;
        }
        throw new AssertionError(request + " was taken");
    }

    /** A job as a process that stopped leaves it: QUEUED, or RUNNING with no importer alive. */
    private long leftBehind(String name, String content, String status) throws IOException {
        Path file = uploads.resolve("left").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return database.transaction(connection -> {
            long id = UploadJobs.insert(connection, regulator(ImportKind.OPERATOR, name), ImportOptions.by("regulator"),
                    null, content.length(), "", "left/" + name);
            try (var update = connection.prepareStatement("UPDATE import_job SET status = ? WHERE id = ?")) {
                update.setString(1, status);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return id;
        });
    }

    /** The upload once its import ended; tests never assert how long that took. */
    private Upload finished(long id) throws InterruptedException {
        Upload upload = queue.find(id).orElseThrow();
        for (int i = 0; i < 1200 && !upload.finished(); i++) {
            Thread.sleep(50);
            upload = queue.find(id).orElseThrow();
        }
        assertThat(upload.finished()).as(upload.toString()).isTrue();
        return upload;
    }

    private static ByteArrayInputStream body(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static long filesIn(Path directory) throws IOException, InterruptedException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long files = 0;
        for (int i = 0; i < 100; i++) { // the worker deletes the file just after the job ends
            try (Stream<Path> paths = Files.walk(directory)) {
                files = paths.filter(Files::isRegularFile).count();
            }
            if (files == 0) {
                return 0;
            }
            Thread.sleep(50);
        }
        return files;
    }
}
