package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir serve} in a child JVM: starts, says it serves, and stops cleanly on SIGTERM (as on Ctrl-C). */
class ServeCommandTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void serve_startsTheEngineAndStopsCleanlyOnASignal() throws Exception {
        Cli.home(home);
        List<String> lines;
        try (Cli.Child serve = Cli.Child.start("serve", "--home", home.toString())) {
            serve.awaitLine("serving; Ctrl-C stops", Duration.ofMinutes(2));
            serve.stop();
            lines = serve.lines;
        }
        assertThat(lines).anyMatch(line -> line.startsWith("ceir: register loaded in"))
                .anyMatch(line -> line.equals("ceir: check engine ready, following the change log"
                        + " (0 IMEIs and 0 pairings in memory)"))
                .anyMatch(line -> line.matches("  S13 +4G, Diameter over TCP +aaa://127\\.0\\.0\\.1:[0-9]+;transport=tcp .*"))
                .anyMatch(line -> line.matches("  N5g-eir +5G, HTTP/2 cleartext +http://127\\.0\\.0\\.1:[0-9]+/n5g-eir-eic/v1/equipment-status"))
                .anyMatch(line -> line.matches("  web +pages, console, REST API +http://127\\.0\\.0\\.1:[0-9]+/ .*"))
                .anyMatch(line -> line.equals("ceir: stopping: writing the last counters"))
                .anyMatch(line -> line.equals("ceir: stopped"));
        assertThat(home.resolve("postgres/data/postmaster.pid")).as("the embedded database stopped").doesNotExist();
    }
}
