package org.ceir.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImeiTest {

    @Test
    void checkDigit_ts23003AnnexB3Vector() {
        // TS 23.003 Annex B.3: IMEI 26053179311383 has check digit 7.
        assertThat(Luhn.checkDigit(26053179311383L)).isEqualTo(7);
        assertThat(Imei.parse("260531793113837").key()).isEqualTo(26053179311383L);
    }

    @Test
    void parse_fifteenDigitsExplainsParts() {
        Imei imei = Imei.parse("352099001761481");
        assertThat(imei.tac()).hasToString("35209900");
        assertThat(imei.serial()).isEqualTo(176148);
        assertThat(imei.checkDigit()).isEqualTo(1);
        assertThat(imei.body()).isEqualTo("35209900176148");
        assertThat(imei).hasToString("352099001761481");
        assertThat(imei.softwareVersion()).isEmpty();
    }

    @Test
    void parse_wrongCheckDigitSaysWhichIsRight() {
        assertThatThrownBy(() -> Imei.parse("352099001761482"))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageStartingWith("IMEI 352099001761482: check digit should be 1, not 2")
                .satisfies(e -> assertThat(((InvalidIdentityException) e).suggestion()).contains("352099001761481"));
    }

    @Test
    void parse_tooShortSaysHowLongAnImeiIs() {
        assertThatThrownBy(() -> Imei.parse("3520990017614"))
                .hasMessage("IMEI 3520990017614: 13 digits; an IMEI has 15 (or 14 without the check digit)");
    }

    @Test
    void parse_fourteenDigitsNeedNoCheckDigit() {
        assertThat(Imei.parse("35209900176148").checkDigit()).isEqualTo(1);
    }

    @Test
    void parse_imeisvKeepsSoftwareVersion() {
        Imei imei = Imei.parse("3520990017614807");
        assertThat(imei.key()).isEqualTo(35209900176148L);
        assertThat(imei.softwareVersion()).hasValue(7);
        assertThat(imei.imeisv()).contains("3520990017614807");
    }

    @Test
    void parse_fiveGForms() {
        assertThat(Imei.parse("imei-352099001761481").key()).isEqualTo(35209900176148L);
        assertThat(Imei.parse("IMEISV-3520990017614812").softwareVersion()).hasValue(12);
        assertThatThrownBy(() -> Imei.parse("imei-352099001761482")).hasMessageContaining("check digit should be 1");
        assertThatThrownBy(() -> Imei.parse("imeisv-35209900176148")).hasMessageContaining("16 digits");
    }

    @Test
    void parse_separatorsAreIgnored() {
        assertThat(Imei.parse(" 35-209900-176148-1 ").key()).isEqualTo(35209900176148L);
    }

    @Test
    void parse_lettersAndEmptyAreExplained() {
        assertThatThrownBy(() -> Imei.parse("35209A001761481")).hasMessageContaining("found 'A' at position 6");
        assertThatThrownBy(() -> Imei.parse("  ")).hasMessageContaining("*#06#");
        assertThatThrownBy(() -> Imei.parse(null)).isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void networkKey_firstFourteenDigitsWithoutJudgingTheRest() {
        assertThat(Imei.networkKey("352099001761482")).isEqualTo(35209900176148L);
        assertThat(Imei.networkKey("352099001761480")).isEqualTo(35209900176148L);
        assertThat(Imei.networkKey("0137680387094331")).isEqualTo(1376803870943L);
        assertThat(Imei.formatKey(Imei.networkKey("0137680387094331"))).isEqualTo("01376803870943");
    }

    @Test
    void networkKey_hexOrShortIsUnusable() {
        assertThat(Imei.networkKey("3884773337002A")).isEqualTo(Imei.UNUSABLE);
        assertThat(Imei.networkKey("1234567890123")).isEqualTo(Imei.UNUSABLE);
        assertThat(Imei.networkKey("")).isEqualTo(Imei.UNUSABLE);
        assertThat(Imei.networkKey(null)).isEqualTo(Imei.UNUSABLE);
    }
}
