package org.ceir.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatTest {
    @Test
    void parseBitmask_pipeSeparatedCodes() {
        assertThat(Rat.parseBitmask("002|006")).isEqualTo(Rat.GERAN.bit() | Rat.EUTRAN.bit());
        assertThat(Rat.parseBitmask("010")).isEqualTo(Rat.NR.bit());
        assertThat(Rat.parseBitmask("")).isZero();
    }

    @Test
    void parseBitmask_unknownOrMalformedIsMinusOne() {
        assertThat(Rat.parseBitmask("011")).isEqualTo(-1);
        assertThat(Rat.parseBitmask("000")).isEqualTo(-1);
        assertThat(Rat.parseBitmask("2G")).isEqualTo(-1);
        assertThat(Rat.parseBitmask("002||006")).isEqualTo(-1);
        assertThat(Rat.parseBitmask("0002")).isEqualTo(-1);
    }

    @Test
    void hasGeneration_byRat() {
        int mask = Rat.parseBitmask("001|006");
        assertThat(Rat.hasGeneration(mask, 3)).isTrue();
        assertThat(Rat.hasGeneration(mask, 4)).isTrue();
        assertThat(Rat.hasGeneration(mask, 5)).isFalse();
        assertThatThrownBy(() -> Rat.ofCode(11)).hasMessageContaining("TS 29.274");
    }
}
