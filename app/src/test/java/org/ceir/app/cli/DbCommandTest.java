package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir db status} on a fresh home: starts the embedded server, migrates, reports, stops. */
class DbCommandTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void status_freshHomeIsCreatedMigratedAndDescribed() throws Exception {
        Cli.home(home);
        Cli.Result first = Cli.run("db", "status", "--home", home.toString());
        Cli.Result again = Cli.run("db", "status", "--home", home.toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(again.code()).as("again, on the same data").isZero();
        String text = first.out() + again.out();
        assertThat(text).contains("embedded PostgreSQL in " + home.resolve("postgres/data"))
                .contains("server     PostgreSQL 17")
                .containsPattern("schema     version \\d+ \\(")
                .contains("operator           3");
        assertThat(home.resolve("postgres/data/postmaster.pid")).doesNotExist();
    }
}
