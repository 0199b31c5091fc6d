package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.ceir.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir import operator} and {@code ceir imports} end to end on a fresh home (Azerbaijan's defaults). */
class ImportCommandTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void importOperator_thenAgain_thenTruncated_thenHistory() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = home.resolve("azercell_20240501_20240501.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("date,imei,imsi,msisdn,rat\n"
                    + "20240501,352099001761481,400011234567890,994501234567,006\n"
                    + "20240501,352099001761490,400011234567891,994501234568,002|006\n").getBytes(StandardCharsets.US_ASCII));
        }
        Path truncated = home.resolve("bakcell_20240501_20240501.csv.gz");
        byte[] whole = Files.readAllBytes(file);
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 10));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("import", "operator", "--home", home.toString(), file.toString())).isZero();
            assertThat(Main.run("import", "operator", "--home", home.toString(), file.toString())).isZero();
            assertThat(Main.run("import", "operator", "--home", home.toString(), truncated.toString())).isEqualTo(1);
            assertThat(Main.run("imports", "--home", home.toString())).isZero();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("azercell_20240501_20240501.csv.gz: 2 rows imported as job 1")
                .contains("already imported as job 1")
                .containsPattern("3 +[0-9 :-]+ +operator +bakcell .* FAILED");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ceir: bakcell_20240501_20240501.csv.gz is truncated")
                .contains("nothing was imported (report: " + home.resolve("reports"));
    }

    @Test
    void byOperator_filesOfSeveralOperators_queuesEachOperatorsInDateOrder() {
        assertThat(ImportCommand.OperatorData.byOperator(java.util.List.of(Path.of("d/nar_20240502_20240502.csv.gz"),
                Path.of("d/azercell_20240502_20240502.csv.gz"), Path.of("e/nar_20240501_20240501.csv"),
                Path.of("d/azercell_20240501_20240501.csv.gz")))).containsExactly(
                java.util.List.of(Path.of("d/azercell_20240501_20240501.csv.gz"), Path.of("d/azercell_20240502_20240502.csv.gz")),
                java.util.List.of(Path.of("e/nar_20240501_20240501.csv"), Path.of("d/nar_20240502_20240502.csv.gz")));
    }
}
