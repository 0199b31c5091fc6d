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
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir detect}, {@code ceir cases} and {@code ceir show} on a fresh home: clear lines, right exit codes. */
class DetectCommandTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void detect_withoutDataSaysWhatToDoAndCasesAreEmpty() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("detect", "--home", home.toString())).isEqualTo(1);
            assertThat(Main.run("cases", "list", "--home", home.toString())).isZero();
            assertThat(Main.run("cases", "confirm", "7", "--reason", "ring", "--home", home.toString())).isEqualTo(1);
            assertThat(Main.run("cases", "dismiss", "7", "--home", home.toString())).as("no reason").isEqualTo(2);
            assertThat(Main.run("show", "352099001761482", "--home", home.toString())).isEqualTo(1);
            assertThat(Main.run("show", "352099001761481", "--home", home.toString())).isZero();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ceir: there is no network data yet: import operator files first (ceir import operator FILE…)")
                .contains("ceir: there is no case 7; ceir cases list shows the cases")
                .contains("Missing required option: '--reason=<reason>'")
                .contains("ceir: IMEI 352099001761482: check digit should be 1, not 2");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no open cases")
                .contains("IMEI 352099001761481  (key 35209900176148, TAC 35209900)").contains("no network data yet");
    }
}
