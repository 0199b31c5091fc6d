package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.ceir.app.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImeiCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void imei_validValueIsExplained() {
        assertThat(Main.run("imei", "352099001761481")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("TAC (make and model)  35209900")
                .contains("serial number         176148")
                .contains("check digit           1 (correct)");
    }

    @Test
    void imei_wrongCheckDigitFailsWithOneLine() {
        assertThat(Main.run("imei", "352099001761482")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("ceir: IMEI 352099001761482: check digit should be 1, not 2 (did you mean 352099001761481?)");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(Main.run("imie", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ceir: Unmatched arguments");
    }
}
