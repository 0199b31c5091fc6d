package org.ceir.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.zaxxer.hikari.HikariDataSource;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed mid-import (SIGKILL, a real child JVM) leaves the store as it was. */
class KilledImportTest {
    private static final int ROWS = 400_000;

    @TempDir
    Path dir;

    @Test
    void importOperator_processKilledWhileMerging_leavesNothingAndTheRerunEqualsACleanImport() throws Exception {
        killInPhaseThenRerun(operatorFile(dir.resolve("operator1_20240501_20240502.csv.gz"), 2), "merging", 300);
    }

    /** An operator's first file of a month, copied straight into a table of its own, killed while indexed. */
    @Test
    void importOperator_processKilledWhileIndexingAFirstFile_leavesNothingAndTheRerunEqualsACleanImport()
            throws Exception {
        killInPhaseThenRerun(operatorFile(dir.resolve("operator1_20240501_20240501.csv.gz"), 1), "indexing triplets", 100);
    }

    private void killInPhaseThenRerun(Path file, String phase, long afterMillis) throws Exception {
        try (Database killed = TestDatabase.create(); Database clean = TestDatabase.create()) {
            String url = ((HikariDataSource) killed.dataSource()).getJdbcUrl();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KillableImport.class.getName(), url, file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("PHASE " + phase)) {
                    assertThat(line).isNotEqualTo("DONE");
                }
                assertThat(line).as("the child reached the phase").isEqualTo("PHASE " + phase);
                Thread.sleep(afterMillis); // into the phase's statements
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            waitUntilTheDeadImportIsRolledBack(killed);

            assertThat(Fixtures.networkState(killed)).isEmpty();
            assertThat(Fixtures.rows(killed, "SELECT status, report ->> 'error' FROM import_job"))
                    .singleElement().asString().startsWith("FAILED|interrupted");

            Importer rerun = new Importer(killed, Fixtures.TESTLAND, IngestSettings.defaults(), java.util.Optional.empty(),
                    ImportListener.NONE);
            assertThat(rerun.importOperator(file, Fixtures.options()).outcome()).isEqualTo(ImportResult.Outcome.SUCCEEDED);
            new Importer(clean, Fixtures.TESTLAND, IngestSettings.defaults(), java.util.Optional.empty(),
                    ImportListener.NONE).importOperator(file, Fixtures.options());

            List<String> state = Fixtures.networkState(killed);
            assertThat(state).hasSizeGreaterThan(ROWS / 2);
            assertThat(state).isEqualTo(Fixtures.networkState(clean));
        }
    }

    /** The dead client's backend rolls back within a second or so; until then its job is still locked. */
    private static void waitUntilTheDeadImportIsRolledBack(Database database) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (database.transaction(Jobs::reconcileInterrupted) == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed import's job was still locked after 60 s");
    }

    /**
     * Rows of one day, or of two with half of them the same triplets (so the merge both inserts
     * and updates).
     */
    private static Path operatorFile(Path file, int days) throws IOException {
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.US_ASCII)) {
            out.write("date,imei,imsi,msisdn,rat\n");
            for (int i = 0; i < ROWS; i++) {
                int subscriber = days == 1 ? i : i % (ROWS * 3 / 4);
                out.write(days == 1 || i < ROWS / 2 ? "20240501," : "20240502,");
                out.write(String.format("%014d,1110100%08d,22500%07d,006%n", 35000000000000L + subscriber, subscriber, subscriber));
            }
        }
        return file;
    }
}
