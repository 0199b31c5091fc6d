package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.ceir.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir db status} on a fresh home: starts the embedded server, migrates, reports, stops. */
class DbCommandTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void status_freshHomeIsCreatedMigratedAndDescribed() throws Exception {
        Cli.home(home);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("db", "status", "--home", home.toString())).isZero();
            assertThat(Main.run("db", "status", "--home", home.toString())).as("again, on the same data").isZero();
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("embedded PostgreSQL in " + home.resolve("postgres/data"))
                .contains("server     PostgreSQL 17")
                .containsPattern("schema     version \\d+ \\(")
                .contains("operator           3");
        assertThat(home.resolve("postgres/data/postmaster.pid")).doesNotExist();
    }
}
