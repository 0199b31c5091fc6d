package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir lists export|runs} and {@code ceir apikeys add|list|revoke} from the command line. */
class ListsCommandTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void export_writesTheListsAndManifestAndRunsListsThem() throws Exception {
        String home = Cli.home(this.home);
        Path out = this.home.resolve("out");
        Cli.Result first = Cli.run("lists", "export", "--home", home, "--out", out.toString());
        Cli.Result again = Cli.run("lists", "export", "--home", home, "--out", out.toString());
        Cli.Result overwrite = Cli.run("lists", "export", "--home", home, "--out", out.toString(), "--overwrite",
                "--base", "1");
        Cli.Result runs = Cli.run("lists", "runs", "--home", home);

        assertThat(first.code()).isZero();
        assertThat(again.code()).isEqualTo(1);
        assertThat(overwrite.code()).isZero();
        assertThat(runs.code()).isZero();
        assertThat(out.resolve("manifest.json")).content().contains("\"base_run\" : 1", "blacklist.csv");
        assertThat(out.resolve("blacklist.csv")).content().isEqualTo("imei,block_date,reasons\n");
        assertThat(out.resolve("exceptions_nar_delta.csv")).content().isEqualTo("imei,imsi,msisdn,change_type\n");
        assertThat(first.out()).contains("list run 1 for");
        assertThat(overwrite.out()).contains("list run 2 for", "deltas since run 1");
        assertThat(runs.out()).contains("SUCCEEDED");
        assertThat(again.err()).contains("is not empty");
    }

    @Test
    void apikeys_addPrintsTheKeyOnceListShowsItRevokeEndsIt() throws Exception {
        String home = Cli.home(this.home);
        Cli.Result add = Cli.run("apikeys", "add", "--home", home, "--operator", "azercell", "--label", "EIR list loader");
        Cli.Result nobody = Cli.run("apikeys", "add", "--home", home, "--operator", "nobody", "--label", "x");
        Cli.Result revoke = Cli.run("apikeys", "revoke", "1", "--home", home, "--reason", "rotated");
        Cli.Result list = Cli.run("apikeys", "list", "--home", home);

        assertThat(add.code()).isZero();
        assertThat(nobody.code()).isEqualTo(1);
        assertThat(revoke.code()).isZero();
        assertThat(list.code()).isZero();
        String key = add.out().lines().findFirst().orElseThrow();
        assertThat(key).matches("ceir_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        String afterKey = add.out().substring(key.length()) + nobody.out() + revoke.out() + list.out();
        assertThat(afterKey).contains("revoked API key " + key.substring(5, 17) + " of azercell")
                .contains("EIR list loader").contains("rotated").doesNotContain(key.substring(18));
        assertThat(nobody.err()).contains("unknown operator 'nobody'");
    }
}
