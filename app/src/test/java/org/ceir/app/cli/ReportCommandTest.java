package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir report} on an empty register: every format, and one clear line for bad options. */
class ReportCommandTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void report_emptyRegisterAndBadOptions() throws Exception {
        String home = Cli.home(this.home);
        Cli.Result may = Cli.run("report", "--home", home, "--from", "2026-05-01", "--to", "2026-05-31");
        Cli.Result csv = Cli.run("report", "--home", home, "--to", "2026-05-31", "--format", "csv");
        Cli.Result xml = Cli.run("report", "--home", home, "--format", "xml");
        Cli.Result empty = Cli.run("report", "--home", home, "--from", "2026-06-01", "--to", "2026-05-31");
        Cli.Result words = Cli.run("report", "--home", home, "--from", "1 May");

        assertThat(may.code()).isZero();
        assertThat(csv.code()).isZero();
        assertThat(xml.code()).isEqualTo(1);
        assertThat(empty.code()).isEqualTo(1);
        assertThat(words.code()).isEqualTo(1);
        assertThat(may.out()).contains("From 2026-05-01 to 2026-05-31, 0 IMEIs were given clone status.");
        assertThat(csv.out()).contains("figure,value\nfrom,2026-03-01\nto,2026-05-31\n");
        assertThat(xml.err()).contains("ceir: format 'xml': one of text, csv, json");
        assertThat(empty.err()).contains("ceir: the period 2026-06-01 to 2026-05-31 is empty: --from must not be after --to");
        assertThat(words.err()).contains("ceir: --from 1 May: a day as YYYY-MM-DD");
    }
}
