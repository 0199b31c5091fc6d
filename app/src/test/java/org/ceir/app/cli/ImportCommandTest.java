package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir import operator} and {@code ceir imports} end to end on a fresh home (Azerbaijan's defaults). */
class ImportCommandTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void importOperator_thenAgain_thenTruncated_thenHistory() throws Exception {
        String home = Cli.home(this.home);
        Path file = this.home.resolve("azercell_20240501_20240501.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("date,imei,imsi,msisdn,rat\n"
                    + "20240501,352099001761481,400011234567890,994501234567,006\n"
                    + "20240501,352099001761490,400011234567891,994501234568,002|006\n").getBytes(StandardCharsets.US_ASCII));
        }
        Path truncated = this.home.resolve("bakcell_20240501_20240501.csv.gz");
        byte[] whole = Files.readAllBytes(file);
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 10));

        Cli.Result first = Cli.run("import", "operator", "--home", home, file.toString());
        Cli.Result again = Cli.run("import", "operator", "--home", home, file.toString());
        Cli.Result cut = Cli.run("import", "operator", "--home", home, truncated.toString());
        Cli.Result history = Cli.run("imports", "--home", home);

        assertThat(first.code()).isZero();
        assertThat(again.code()).isZero();
        assertThat(cut.code()).isEqualTo(1);
        assertThat(history.code()).isZero();
        assertThat(first.out()).contains("azercell_20240501_20240501.csv.gz: 2 rows imported as job 1");
        assertThat(again.out()).contains("already imported as job 1");
        assertThat(history.out()).containsPattern("3 +[0-9 :-]+ +operator +bakcell .* FAILED");
        assertThat(cut.err())
                .contains("ceir: bakcell_20240501_20240501.csv.gz is truncated")
                .contains("nothing was imported (report: " + this.home.resolve("reports"));
    }
}
