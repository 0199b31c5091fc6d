package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir users add} reads the password from standard input, never from an argument. */
class UsersCommandTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void add_readsThePasswordFromStdinAndListShowsTheUser() throws Exception {
        Cli.home(home);
        Cli.Result aysel = Cli.runWithStdin("a long enough password\n", Cli.onHome(home, "users", "add", "--username",
                "Aysel", "--name", "Aysel Məmmədova", "--role", "analyst,auditor"));
        Cli.Result weak = Cli.runWithStdin("short\n", Cli.onHome(home, "users", "add", "--username", "weak",
                "--role", "ADMIN"));
        Cli.Result operator = Cli.runWithStdin("a long enough password\n", Cli.onHome(home, "users", "add",
                "--username", "op-azercell", "--role", "OPERATOR"));
        Cli.Result list = Cli.run(Cli.onHome(home, "users", "list"));

        assertThat(aysel.code()).isZero();
        assertThat(weak.code()).isEqualTo(1);
        assertThat(operator.code()).isEqualTo(1);
        assertThat(list.code()).isZero();
        String out = aysel.out() + weak.out() + operator.out() + list.out();
        String err = aysel.err() + weak.err() + operator.err() + list.err();
        assertThat(out).contains("added aysel (ANALYST, AUDITOR)")
                .containsPattern("aysel\\s+Aysel Məmmədova\\s+ANALYST,AUDITOR\\s+active")
                .doesNotContain("weak");
        assertThat(err)
                .contains("ceir: the password must have at least 10 characters")
                .contains("ceir: an OPERATOR needs the code of its operator (--operator)");
    }
}
