package org.ceir.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorImportTest {
    private static final String HEADER = "date,imei,imsi,msisdn,rat";

    @TempDir
    Path dir;

    private Database database;
    private Importer importer;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        importer = Fixtures.importer(database, dir.resolve("reports"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void importOperator_dirbsFilesWithChecksOff_keepUnusableImeisAndNormaliseTheRest() {
        ImportOptions noChecks = Fixtures.options().withChecks(false);
        for (String file : List.of("operator1_20161101_20161130.csv", "operator2_20161101_20161130.csv",
                "operator4_20161101_20161130.csv")) {
            ImportResult result = importer.importOperator(Fixtures.resource("dirbs/" + file), noChecks);
            assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
        }
        assertThat(Fixtures.count(database, "SELECT count(*) FROM network_triplet WHERE imei = -1 AND imei_raw = ?",
                "38245933AF987001")).isEqualTo(2); // operator1 and operator4 both saw it
        assertThat(Fixtures.count(database, "SELECT count(*) FROM network_imei WHERE imei = ?", 1376803870943L))
                .isEqualTo(1);
        assertThat(Fixtures.count(database, "SELECT count(*) FROM network_imei WHERE imei = -1")).isZero();
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job WHERE checks_enabled")).isZero();
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job WHERE status = 'SUCCEEDED'")).isEqualTo(3);
        assertThat(Fixtures.count(database, "SELECT count(*) FROM network_triplet")).isEqualTo(36); // distinct (IMEI, IMSI, MSISDN) per file, all in one month
    }

    @Test
    void importOperator_failedCheck_writesReportWithSamples() throws IOException {
        Path file = Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,35209900176148,111011234567890,2250000001,006",
                "20240501,35209900176149,,2250000002,006");
        ImportException refused = null;
        try {
            importer.importOperator(file, Fixtures.options());
        } catch (ImportException e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.report()).isPresent();
        String report = Files.readString(refused.report().get());
        assertThat(report).contains("FAILED  empty IMSI").contains("line 3: 20240501,35209900176149,,2250000002,006");
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job WHERE report ->> 'error' LIKE '%empty IMSI%'"))
                .isEqualTo(1);
    }

    @Test
    void importOperator_twoDays_mergesBitmaskAndWidensSeenDays() {
        importer.importOperator(Fixtures.write(dir, "operator1_20240505_20240505.csv", HEADER,
                "20240505,352099001761481,111011234567890,2250000001,006"), Fixtures.options());
        importer.importOperator(Fixtures.write(dir, "operator1_20240502_20240502.csv.gz", HEADER,
                "20240502,352099001761480,111011234567890,2250000001,002|006"), Fixtures.options());
        assertThat(Fixtures.rows(database, "SELECT first_seen, last_seen, date_bitmask, rat_bitmask FROM network_triplet"))
                .containsExactly("2024-05-02|2024-05-05|" + ((1 << 1) | (1 << 4)) + "|" + ((1 << 2) | (1 << 6)));
        assertThat(Fixtures.rows(database, "SELECT imei, first_seen, last_import_job FROM network_imei"))
                .containsExactly("35209900176148|2024-05-02|2");
        assertThat(Fixtures.rows(database, "SELECT imei, change, detail FROM change_log ORDER BY id"))
                .containsExactly("-1|NETWORK_IMPORT|{\"import_job\":1}", "-1|NETWORK_IMPORT|{\"import_job\":2}");
    }

    @Test
    void importOperator_laterDayOnANewRadio_widensTheRadiosAndLeavesFirstSeenAndItsJob() {
        importer.importOperator(Fixtures.write(dir, "operator1_20240505_20240505.csv", HEADER,
                "20240505,352099001761481,111011234567890,2250000001,006"), Fixtures.options());
        ImportResult sameRadio = importer.importOperator(Fixtures.write(dir, "operator1_20240506_20240506.csv", HEADER,
                "20240506,352099001761481,111011234567890,2250000001,006"), Fixtures.options());
        ImportResult newRadio = importer.importOperator(Fixtures.write(dir, "operator1_20240507_20240507.csv", HEADER,
                "20240507,352099001761481,111011234567890,2250000001,002|006"), Fixtures.options());

        assertThat(sameRadio.summary()).contains("0 new IMEIs, 0 first seen earlier");
        assertThat(newRadio.summary()).contains("0 new IMEIs, 0 first seen earlier");
        assertThat(Fixtures.rows(database, "SELECT imei, first_seen, rat_bitmask, last_import_job FROM network_imei"))
                .containsExactly("35209900176148|2024-05-05|" + ((1 << 2) | (1 << 6)) + "|1");
    }

    @Test
    void importOperator_sameFileAgain_saysNothingToDoAndChangesNothing() {
        Path file = Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006");
        importer.importOperator(file, Fixtures.options());
        List<String> before = Fixtures.networkState(database);

        ImportResult again = importer.importOperator(file, Fixtures.options());

        assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.UNCHANGED);
        assertThat(again.summary()).contains("already imported as job 1").contains("nothing to do");
        assertThat(Fixtures.networkState(database)).isEqualTo(before);
    }

    @Test
    void importOperator_overlappingFile_changesNothingAndSaysSo() {
        importer.importOperator(Fixtures.write(dir, "operator1_20240501_20240502.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006",
                "20240502,352099001761481,111011234567890,2250000001,006"), Fixtures.options().withChecks(false));
        List<String> before = Fixtures.networkState(database);

        ImportResult overlap = importer.importOperator(Fixtures.write(dir, "operator1_20240502_20240502.csv", HEADER,
                "20240502,352099001761481,111011234567890,2250000001,006"), Fixtures.options().withChecks(false));

        assertThat(overlap.outcome()).isEqualTo(ImportResult.Outcome.UNCHANGED);
        assertThat(overlap.summary()).contains("nothing changed");
        assertThat(Fixtures.networkState(database)).isEqualTo(before);
    }

    @Test
    void importOperator_truncatedGzip_isRefusedClearly() throws IOException {
        Path whole = Fixtures.write(dir, "whole.csv.gz", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("operator1_20240501_20240501.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 12));

        assertThatThrownBy(() -> importer.importOperator(cut, Fixtures.options()))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("operator1_20240501_20240501.csv.gz is truncated");
        assertThat(Fixtures.count(database, "SELECT count(*) FROM network_triplet")).isZero();
    }

    @Test
    void importOperator_zip_readsItsOneFileAndRefusesTwo() throws IOException {
        Path zip = dir.resolve("operator1_20240501_20240501.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("operator1_20240501_20240501.csv"));
            out.write((HEADER + "\n20240501,352099001761481,111011234567890,2250000001,006\n").getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertThat(importer.importOperator(zip, Fixtures.options()).rowsRead()).isEqualTo(1);

        Path two = dir.resolve("operator1_20240502_20240502.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(two))) {
            for (String name : List.of("a.csv", "b.csv")) {
                out.putNextEntry(new ZipEntry(name));
                out.write((HEADER + "\n20240502,352099001761481,111011234567890,2250000001,006\n").getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> importer.importOperator(two, Fixtures.options()))
                .hasMessageContaining("holds more than one file (b.csv");
        assertThat(Fixtures.rows(database, "SELECT date_bitmask FROM network_triplet")).containsExactly("1");
    }

    @Test
    void importOperator_wrongHeader_namesMissingAndUnknownColumns() {
        Path file = Fixtures.write(dir, "operator1_20240501_20240501.csv", "day,imei,imsi,msisdn",
                "20240501,352099001761481,111011234567890,2250000001");
        assertThatThrownBy(() -> importer.importOperator(file, Fixtures.options()))
                .hasMessageContaining("wrong header 'day,imei,imsi,msisdn', missing date, unknown day");
    }

    @Test
    void importOperator_headerInAnyOrderAndCase_isRead() {
        Path file = Fixtures.write(dir, "operator1_20240501_20240501.csv", "MSISDN,Imsi,IMEI,Date",
                "2250000001,111011234567890,352099001761481,20240501");
        importer.importOperator(file, Fixtures.options());
        assertThat(Fixtures.rows(database, "SELECT imei, imsi, msisdn FROM network_triplet"))
                .containsExactly("35209900176148|111011234567890|2250000001");
    }

    @Test
    void importOperator_unknownOperator_isRefusedAndRecorded() {
        Path file = Fixtures.write(dir, "azercell_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006");
        assertThatThrownBy(() -> importer.importOperator(file, Fixtures.options()))
                .hasMessageContaining("unknown operator 'azercell'")
                .hasMessageContaining("operator1");
        assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job WHERE status = 'FAILED'")).isEqualTo(1);
    }

    @Test
    void importOperator_emptyFileOrHeaderOnly_isRefused() throws IOException {
        Path empty = dir.resolve("operator1_20240501_20240501.csv");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> importer.importOperator(empty, Fixtures.options())).hasMessageContaining("is empty");
        Path headerOnly = Fixtures.write(dir, "operator1_20240502_20240502.csv", HEADER);
        assertThatThrownBy(() -> importer.importOperator(headerOnly, Fixtures.options()))
                .hasMessageContaining("has a header but no rows");
    }

    @Test
    void importOperator_badDateInRow_namesTheLine() {
        Path file = Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006",
                "20240532,352099001761481,111011234567890,2250000001,006");
        assertThatThrownBy(() -> importer.importOperator(file, Fixtures.options()))
                .hasMessageContaining("line 3: date '20240532' is not a day");
    }

    @Test
    void importOperator_fileEndingInTheFuture_failsTheNameCheck() {
        String tomorrow = LocalDate.now().plusDays(1).toString().replace("-", "");
        Path file = Fixtures.write(dir, "operator1_" + tomorrow + "_" + tomorrow + ".csv", HEADER,
                tomorrow + ",352099001761481,111011234567890,2250000001,006");
        assertThatThrownBy(() -> importer.importOperator(file, Fixtures.options()))
                .hasMessageContaining("file name dates");
    }

    @Test
    void importOperator_fallInDailyImeis_failsTheHistoryCheck() {
        StringBuilder many = new StringBuilder(HEADER);
        for (int day = 1; day <= 3; day++) {
            many.setLength(0);
            many.append(HEADER);
            for (int i = 0; i < 100; i++) {
                many.append(String.format("%n202405%02d,%014d,1110100000%05d,22500%05d,006", day, 35209900000000L + i, i, i));
            }
            importer.importOperator(Fixtures.write(dir, String.format("operator1_202405%02d_202405%02d.csv", day, day),
                    many.toString()), Fixtures.options());
        }
        Path few = Fixtures.write(dir, "operator1_20240504_20240504.csv", HEADER,
                "20240504,35209900000001,111010000000001,2250000001,006");
        assertThatThrownBy(() -> importer.importOperator(few, Fixtures.options()))
                .hasMessageContaining("history IMEIs");
        ImportResult forced = importer.importOperator(few, Fixtures.options().withChecks(false));
        assertThat(forced.outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
    }

    @Test
    void importOperator_sameOperatorFromTwoThreads_bothLandWhole() throws Exception {
        Path first = Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006");
        Path second = Fixtures.write(dir, "operator1_20240502_20240502.csv", HEADER,
                "20240502,352099001761481,111011234567890,2250000001,006");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ImportResult> a = pool.submit(() -> importer.importOperator(first, Fixtures.options()));
            Future<ImportResult> b = pool.submit(() -> importer.importOperator(second, Fixtures.options()));
            assertThat(a.get().outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
            assertThat(b.get().outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
        } finally {
            pool.shutdown();
        }
        assertThat(Fixtures.rows(database, "SELECT date_bitmask FROM network_triplet")).containsExactly("3");
    }

    @Test
    void importOperator_firstDayOfMonthWithRepeatedRow_storesOneTriplet() {
        ImportResult result = importer.importOperator(Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006",
                "20240501,352099001761481,111011234567890,2250000001,002",
                "20240501,352099001761499,111011234567891,2250000002,006"), Fixtures.options().withChecks(false));

        assertThat(result.summary()).contains("2 new and 0 updated triplets");
        assertThat(Fixtures.rows(database, "SELECT imei, first_seen, last_seen, date_bitmask, rat_bitmask FROM network_triplet"
                + " ORDER BY imei")).containsExactly("35209900176148|2024-05-01|2024-05-01|1|" + ((1 << 2) | (1 << 6)),
                "35209900176149|2024-05-01|2024-05-01|1|" + (1 << 6));
    }

    @Test
    void importOperator_oneDayFileWithRowOfAnotherMonth_storesEachInItsMonth() {
        ImportResult result = importer.importOperator(Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006",
                "20240430,352099001761481,111011234567890,2250000001,006"), Fixtures.options().withChecks(false));

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
        assertThat(Fixtures.rows(database, "SELECT tableoid::regclass, triplet_month, date_bitmask FROM network_triplet"
                + " ORDER BY triplet_month")).containsExactly("network_triplet_202404_1|2024-04-01|" + (1 << 29),
                "network_triplet_202405_1|2024-05-01|1");
    }

    @Test
    void importOperator_twoOperatorsFirstFilesOfAMonthFromTwoThreads_bothLandWhole() throws Exception {
        Path one = Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006");
        Path two = Fixtures.write(dir, "operator2_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111021234567890,2250000001,006");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ImportResult> a = pool.submit(() -> importer.importOperator(one, Fixtures.options()));
            Future<ImportResult> b = pool.submit(() -> importer.importOperator(two, Fixtures.options()));
            assertThat(a.get().outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
            assertThat(b.get().outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
        } finally {
            pool.shutdown();
        }
        assertThat(Fixtures.rows(database, "SELECT o.code, t.tableoid::regclass::text = 'network_triplet_202405_' || o.id"
                + " FROM network_triplet t JOIN operator o ON o.id = t.operator_id ORDER BY 1"))
                .containsExactly("operator1|t", "operator2|t");
    }

    @Test
    void importOperator_lookupOfOneImei_isAnIndexProbeOfEachOperatorsMonth() {
        importer.importOperator(Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006"), Fixtures.options());
        importer.importOperator(Fixtures.write(dir, "operator1_20240601_20240601.csv", HEADER,
                "20240601,352099001761481,111011234567890,2250000001,006"), Fixtures.options().withChecks(false));
        importer.importOperator(Fixtures.write(dir, "operator2_20240601_20240601.csv", HEADER,
                "20240601,352099001761481,111021234567890,2250000001,006"), Fixtures.options());

        // Tables of one row are cheaper to scan than to probe; what matters is that an index can serve it.
        List<String> planLines = database.transaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL enable_seqscan = off");
            }
            return Fixtures.rows(connection, "EXPLAIN (COSTS OFF) SELECT imsi, msisdn, date_bitmask"
                    + " FROM network_triplet WHERE imei = 35209900176148 AND triplet_month >= '2024-05-01'");
        });
        String plan = String.join("\n", planLines);

        assertThat(plan).doesNotContain("Seq Scan");
        assertThat(plan.split("Index (Only )?Scan (using|on) network_triplet_2024\\d\\d_\\d_key", -1))
                .hasSize(4); // one probe in each of the three tables
    }

    @Test
    void report_readsTheStoredChecksAndCountsOfAFailedImport() {
        Path file = Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,35209900176148,111011234567890,2250000001,006",
                "20240501,35209900176149,,2250000002,006");
        long job = assertThrows(ImportException.class, () -> importer.importOperator(file, Fixtures.options())).jobId();

        ImportReport report = importer.report(job).orElseThrow();

        assertThat(report.outcome()).isEqualTo("FAILED");
        assertThat(report.error().orElseThrow()).contains("empty IMSI");
        assertThat(report.facts()).containsEntry("by", "test").containsEntry("mode", "full");
        assertThat(report.counts()).containsEntry("rows", 2L);
        ImportReport.Check empty = report.checks().stream().filter(c -> c.name().equals("empty IMSI")).findFirst()
                .orElseThrow();
        assertThat(empty.verdict()).isEqualTo("FAILED");
        assertThat(empty.samples()).contains("line 3: 20240501,35209900176149,,2250000002,006");
        assertThat(report.job().operator()).contains("operator1");
        assertThat(importer.report(job + 1000)).isEmpty();
    }

    @Test
    void history_ofOneOperatorLeavesOthersOut() {
        importer.importOperator(Fixtures.write(dir, "operator1_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111011234567890,2250000001,006"), Fixtures.options());
        importer.importOperator(Fixtures.write(dir, "operator2_20240501_20240501.csv", HEADER,
                "20240501,352099001761481,111021234567890,2250000001,006"), Fixtures.options());

        assertThat(importer.history(10, Optional.of("operator2"))).extracting(ImportJob::fileName)
                .containsExactly("operator2_20240501_20240501.csv");
        assertThat(importer.history(10)).hasSize(2);
    }
}
