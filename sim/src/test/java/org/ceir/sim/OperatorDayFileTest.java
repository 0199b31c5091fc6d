package org.ceir.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class OperatorDayFileTest {

    @Property
    void fixed_writesZeroPaddedDigits(@ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long value) {
        byte[] buffer = new byte[20];
        int end = OperatorDayFile.fixed(buffer, 2, value, 14);
        assertThat(end).isEqualTo(16);
        assertThat(new String(buffer, 2, 14, StandardCharsets.US_ASCII)).isEqualTo(String.format("%014d", value));
    }

    @Property
    void digits_writesTheNumberAsItIs(@ForAll @LongRange(min = 1, max = 999_999_999_999_999L) long value) {
        byte[] buffer = new byte[20];
        int end = OperatorDayFile.digits(buffer, 0, value);
        assertThat(new String(buffer, 0, end, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
    }

    @Test
    void radios_followTheGeneration() {
        assertThat(new String(Radios.of(2, 65535), StandardCharsets.US_ASCII)).isEqualTo("002");
        assertThat(new String(Radios.of(4, 0), StandardCharsets.US_ASCII)).isEqualTo("006");
        assertThat(new String(Radios.of(5, 0), StandardCharsets.US_ASCII)).isEqualTo("006|010");
        for (int bits = 0; bits < 65536; bits += 97) {
            assertThat(new String(Radios.of(3, bits), StandardCharsets.US_ASCII)).doesNotContain("006", "010");
            assertThat(new String(Radios.of(4, bits), StandardCharsets.US_ASCII)).doesNotContain("010");
        }
    }
}
