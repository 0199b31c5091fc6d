package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.ceir.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir serve} in a child JVM: starts, says it serves, and stops cleanly on SIGTERM (as on Ctrl-C). */
class ServeCommandTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void serve_startsTheEngineAndStopsCleanlyOnASignal() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--home", home.toString())
                .redirectErrorStream(true);
        builder.environment().put("CEIR_SBI_HOST", "127.0.0.1");
        builder.environment().put("CEIR_SBI_PORT", "0");
        builder.environment().put("CEIR_WEB_BIND_ADDRESS", "127.0.0.1");
        builder.environment().put("CEIR_WEB_PORT", "0");
        builder.environment().put("CEIR_DIAMETER_PORT", "0");
        Process serve = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (lines.stream().noneMatch(line -> line.contains("serving; Ctrl-C stops")) && serve.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lines).as("output so far").anyMatch(line -> line.contains("serving; Ctrl-C stops"));
            // SIGTERM, as on Ctrl-C the shutdown hooks run; through the handle, because Process.destroy()
            // also closes our end of the child's output, which would hide what it prints while stopping.
            serve.toHandle().destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join();
        } finally {
            serve.destroyForcibly();
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
