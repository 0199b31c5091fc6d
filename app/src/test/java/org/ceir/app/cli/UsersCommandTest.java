package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.ceir.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir users add} reads the password from standard input, never from an argument. */
class UsersCommandTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void add_readsThePasswordFromStdinAndListShowsTheUser() throws Exception {
        Cli.home(home);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run("users", "add", "--home", home.toString(), "--username", "Aysel",
                    "--name", "Aysel Məmmədova", "--role", "analyst,auditor")).isZero();
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run("users", "add", "--home", home.toString(), "--username", "weak", "--role", "ADMIN"))
                    .isEqualTo(1);
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run("users", "add", "--home", home.toString(), "--username", "op-azercell", "--role", "OPERATOR"))
                    .isEqualTo(1);
            assertThat(Main.run("users", "list", "--home", home.toString())).isZero();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("added aysel (ANALYST, AUDITOR)")
                .containsPattern("aysel\\s+Aysel Məmmədova\\s+ANALYST,AUDITOR\\s+active")
                .doesNotContain("weak");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ceir: the password must have at least 10 characters")
                .contains("ceir: an OPERATOR needs the code of its operator (--operator)");
    }
}
