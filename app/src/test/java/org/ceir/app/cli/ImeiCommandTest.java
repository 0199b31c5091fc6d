package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImeiCommandTest {
    @Test
    void imei_validValueIsExplained() {
        Cli.Result imei = Cli.run("imei", "352099001761481");
        assertThat(imei.code()).isZero();
        assertThat(imei.out())
                .contains("TAC (make and model)  35209900")
                .contains("serial number         176148")
                .contains("check digit           1 (correct)");
    }

    @Test
    void imei_wrongCheckDigitFailsWithOneLine() {
        Cli.Result imei = Cli.run("imei", "352099001761482");
        assertThat(imei.code()).isEqualTo(1);
        assertThat(imei.err().strip())
                .isEqualTo("ceir: IMEI 352099001761482: check digit should be 1, not 2 (did you mean 352099001761481?)");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result typo = Cli.run("imie", "1");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("ceir: Unmatched arguments");
    }
}
