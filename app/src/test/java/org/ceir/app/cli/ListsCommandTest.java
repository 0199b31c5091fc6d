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

/** {@code ceir lists export|runs} and {@code ceir apikeys add|list|revoke} from the command line. */
class ListsCommandTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void export_writesTheListsAndManifestAndRunsListsThem() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = home.resolve("out");
        Output output = run(() -> {
            assertThat(Main.run("lists", "export", "--home", home.toString(), "--out", out.toString())).isZero();
            assertThat(Main.run("lists", "export", "--home", home.toString(), "--out", out.toString())).isEqualTo(1);
            assertThat(Main.run("lists", "export", "--home", home.toString(), "--out", out.toString(), "--overwrite",
                    "--base", "1")).isZero();
            assertThat(Main.run("lists", "runs", "--home", home.toString())).isZero();
        });

        assertThat(out.resolve("manifest.json")).content().contains("\"base_run\" : 1", "blacklist.csv");
        assertThat(out.resolve("blacklist.csv")).content().isEqualTo("imei,block_date,reasons\n");
        assertThat(out.resolve("exceptions_nar_delta.csv")).content().isEqualTo("imei,imsi,msisdn,change_type\n");
        assertThat(output.out()).contains("list run 1 for", "list run 2 for", "deltas since run 1", "SUCCEEDED");
        assertThat(output.err()).contains("is not empty");
    }

    @Test
    void apikeys_addPrintsTheKeyOnceListShowsItRevokeEndsIt() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Output output = run(() -> {
            assertThat(Main.run("apikeys", "add", "--home", home.toString(), "--operator", "azercell",
                    "--label", "EIR list loader")).isZero();
            assertThat(Main.run("apikeys", "add", "--home", home.toString(), "--operator", "nobody",
                    "--label", "x")).isEqualTo(1);
            assertThat(Main.run("apikeys", "revoke", "1", "--home", home.toString(), "--reason", "rotated")).isZero();
            assertThat(Main.run("apikeys", "list", "--home", home.toString())).isZero();
        });

        String key = output.out().lines().findFirst().orElseThrow();
        assertThat(key).matches("ceir_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        String afterKey = output.out().substring(key.length());
        assertThat(afterKey).contains("revoked API key " + key.substring(5, 17) + " of azercell")
                .contains("EIR list loader").contains("rotated").doesNotContain(key.substring(18));
        assertThat(output.err()).contains("unknown operator 'nobody'");
    }

    private record Output(String out, String err) {
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Output run(Body body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
