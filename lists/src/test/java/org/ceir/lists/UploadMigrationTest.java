package org.ceir.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

import org.ceir.core.country.Country;
import org.ceir.ingest.ImportQueue;
import org.ceir.ingest.IngestSettings;
import org.ceir.ingest.Upload;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register that took operator files over the API before V71 (their jobs in operator_upload)
 * keeps every one of them as an import job, and the uploads that were waiting are imported.
 */
class UploadMigrationTest {
    private static final String DAY = "date,imei,imsi,msisdn\n"
            + "%s,35209900176148,400011234567890,994501234567\n"
            + "%s,35209900176149,400011234567891,994501234568\n";

    @TempDir
    Path home;

    @Test
    void migrate_v70UploadsBecomeImportJobsAndTheWaitingOnesAreImported() throws Exception {
        String url = TestDatabase.createAt("70");
        Path uploads = home.resolve("uploads");
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO operator (id, code, name, mcc, mnc) VALUES (1, 'azercell', 'Azercell', '400', '01')");
            statement.execute("INSERT INTO import_job (kind, operator_id, file_name, file_sha256, status, started_by,"
                    + " rows_read, rows_changed, report, finished_at) VALUES"
                    + " ('OPERATOR', 1, 'azercell_20260501_20260501.csv', 'aa', 'SUCCEEDED', 'key:ab12', 3, 3,"
                    + " '{\"outcome\": \"SUCCEEDED\"}', now()),"
                    + " ('OPERATOR', 1, 'azercell_20260502_20260502.csv', 'bb', 'FAILED', 'key:ab12', 2, 0,"
                    + " '{\"outcome\": \"FAILED\", \"error\": \"a header without imsi\"}', now())");
            statement.execute("INSERT INTO operator_upload (id, operator_id, file_name, bytes, sha256, state,"
                    + " import_job_id, rows_read, rows_changed, summary, uploaded_by, uploaded_at, started_at,"
                    + " finished_at) OVERRIDING SYSTEM VALUE VALUES"
                    + " (1, 1, 'azercell_20260501_20260501.csv', 120, 'aa', 'SUCCEEDED', 1, 3, 3, '3 rows merged',"
                    + " 'key:ab12', '2026-05-02 10:00Z', '2026-05-02 10:00Z', '2026-05-02 10:01Z'),"
                    + " (2, 1, 'azercell_20260502_20260502.csv', 80, 'bb', 'FAILED', 2, NULL, NULL, 'no imsi column',"
                    + " 'key:ab12', '2026-05-03 10:00Z', '2026-05-03 10:00Z', '2026-05-03 10:01Z'),"
                    + " (3, 1, 'azercell_20260503_20260503.csv', 90, 'cc', 'FAILED', NULL, NULL, NULL,"
                    + " 'interrupted, and the uploaded file is gone: send it again', 'key:ab12', '2026-05-04 10:00Z',"
                    + " NULL, '2026-05-04 11:00Z'),"
                    + " (4, 1, 'azercell_20260510_20260510.csv', 140, 'dd', 'QUEUED', NULL, NULL, NULL, NULL,"
                    + " 'key:ab12', '2026-05-11 10:00Z', NULL, NULL),"
                    + " (5, 1, 'azercell_20260511_20260511.csv', 140, 'ee', 'RUNNING', NULL, NULL, NULL, NULL,"
                    + " 'key:ab12', '2026-05-12 10:00Z', '2026-05-12 10:00Z', NULL)");
        }
        spool(uploads, 4, "azercell_20260510_20260510.csv", "20260510");
        spool(uploads, 5, "azercell_20260511_20260511.csv", "20260511");

        try (Database database = Database.connect(url, null, null, 4)) {
            assertThat(database.migrate()).contains("71 operator upload into import job");

            assertThat(TestDatabase.rows(database, "SELECT id, file_name, status, bytes, queued_at IS NOT NULL, upload_path, summary"
                    + " FROM import_job ORDER BY id")).containsExactly(
                    "1|azercell_20260501_20260501.csv|SUCCEEDED|120|t|null|3 rows merged",
                    "2|azercell_20260502_20260502.csv|FAILED|80|t|null|no imsi column",
                    "3|azercell_20260503_20260503.csv|FAILED|90|t|null|interrupted, and the uploaded file is gone:"
                            + " send it again",
                    "4|azercell_20260510_20260510.csv|QUEUED|140|t|4/azercell_20260510_20260510.csv|null",
                    "5|azercell_20260511_20260511.csv|QUEUED|140|t|5/azercell_20260511_20260511.csv|null");
            assertThat(TestDatabase.rows(database, "SELECT to_regclass('operator_upload') IS NULL")).containsExactly("t");

            try (ImportQueue queue = new ImportQueue(database, Country.azerbaijan(), IngestSettings.defaults(),
                    Optional.empty(), uploads, 1)) {
                queue.start();
                assertThat(finished(queue, 4).state()).isEqualTo(Upload.State.SUCCEEDED);
                assertThat(finished(queue, 5).state()).isEqualTo(Upload.State.SUCCEEDED);
                assertThat(queue.find(3).orElseThrow().summary()).contains(
                        "interrupted, and the uploaded file is gone: send it again");
                assertThat(queue.recent(Optional.of("azercell"), 10)).extracting(Upload::id).contains(4L, 5L);
            }
            assertThat(TestDatabase.rows(database, "SELECT started_by, checks_enabled, rows_read FROM import_job WHERE id >= 4"))
                    .containsExactly("key:ab12|t|2", "key:ab12|t|2");
        }
    }

    /** The file as the API kept it before V71: HOME/uploads/<upload id>/<name>. */
    private static void spool(Path uploads, long id, String name, String day) throws Exception {
        Path file = uploads.resolve(Long.toString(id)).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, DAY.formatted(day, day));
    }

    private static Upload finished(ImportQueue queue, long id) throws InterruptedException {
        Upload upload = queue.find(id).orElseThrow();
        for (int i = 0; i < 1200 && !upload.finished(); i++) {
            Thread.sleep(50);
            upload = queue.find(id).orElseThrow();
        }
        assertThat(upload.finished()).as(upload.toString()).isTrue();
        return upload;
    }
}
