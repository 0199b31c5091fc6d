package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir detect}, {@code ceir cases} and {@code ceir show} on a fresh home: clear lines, right exit codes. */
class DetectCommandTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void detect_withoutDataSaysWhatToDoAndCasesAreEmpty() throws Exception {
        String home = Cli.home(this.home);
        Cli.Result detect = Cli.run("detect", "--home", home);
        Cli.Result list = Cli.run("cases", "list", "--home", home);
        Cli.Result confirm = Cli.run("cases", "confirm", "7", "--reason", "ring", "--home", home);
        Cli.Result dismiss = Cli.run("cases", "dismiss", "7", "--home", home);
        Cli.Result badImei = Cli.run("show", "352099001761482", "--home", home);
        Cli.Result show = Cli.run("show", "352099001761481", "--home", home);

        assertThat(detect.code()).isEqualTo(1);
        assertThat(list.code()).isZero();
        assertThat(confirm.code()).isEqualTo(1);
        assertThat(dismiss.code()).as("no reason").isEqualTo(2);
        assertThat(badImei.code()).isEqualTo(1);
        assertThat(show.code()).isZero();
        assertThat(detect.err())
                .contains("ceir: there is no network data yet: import operator files first (ceir import operator FILE…)");
        assertThat(confirm.err()).contains("ceir: there is no case 7; ceir cases list shows the cases");
        assertThat(dismiss.err()).contains("Missing required option: '--reason=<reason>'");
        assertThat(badImei.err()).contains("ceir: IMEI 352099001761482: check digit should be 1, not 2");
        assertThat(list.out()).contains("no open cases");
        assertThat(show.out()).contains("IMEI 352099001761481  (key 35209900176148, TAC 35209900)")
                .contains("no network data yet");
    }
}
