package org.ceir.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void startOrAttach_dataSurvivesARestart() throws Exception {
        try (LocalPostgres server = LocalPostgres.startOrAttach(home, 0, "ceir", m -> { })) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl() + "?user=postgres");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        assertThat(Files.exists(home.resolve("data/postmaster.pid"))).as("stopped by its last user").isFalse();
        try (LocalPostgres server = LocalPostgres.startOrAttach(home, 0, "ceir", m -> { });
             Connection c = DriverManager.getConnection(server.jdbcUrl() + "?user=postgres");
             Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT v FROM kept")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void startOrAttach_secondUserAttachesInsteadOfStartingAgain() {
        try (LocalPostgres first = LocalPostgres.startOrAttach(home, 0, "ceir", m -> { });
             LocalPostgres second = LocalPostgres.startOrAttach(home, 0, "ceir", m -> { })) {
            assertThat(second.port()).isEqualTo(first.port());
        }
    }
}
