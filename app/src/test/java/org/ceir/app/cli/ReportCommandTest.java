package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.ceir.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir report} on an empty register: every format, and one clear line for bad options. */
class ReportCommandTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void report_emptyRegisterAndBadOptions() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("report", "--home", home.toString(), "--from", "2026-05-01", "--to", "2026-05-31"))
                    .isZero();
            assertThat(Main.run("report", "--home", home.toString(), "--to", "2026-05-31", "--format", "csv")).isZero();
            assertThat(Main.run("report", "--home", home.toString(), "--format", "xml")).isEqualTo(1);
            assertThat(Main.run("report", "--home", home.toString(), "--from", "2026-06-01", "--to", "2026-05-31"))
                    .isEqualTo(1);
            assertThat(Main.run("report", "--home", home.toString(), "--from", "1 May")).isEqualTo(1);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("From 2026-05-01 to 2026-05-31, 0 IMEIs were given clone status.")
                .contains("figure,value\nfrom,2026-03-01\nto,2026-05-31\n");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ceir: format 'xml': one of text, csv, json")
                .contains("ceir: the period 2026-06-01 to 2026-05-31 is empty: --from must not be after --to")
                .contains("ceir: --from 1 May: a day as YYYY-MM-DD");
    }
}
