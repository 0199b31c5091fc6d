package org.ceir.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ImsiTest {

    @Test
    void parse_acceptsSixToFifteenDigitsAndTheSupiForm() {
        assertThat(Imsi.parse("400011234567890").mcc()).isEqualTo("400");
        assertThat(Imsi.parse("imsi-400011234567890").digits()).isEqualTo("400011234567890");
        assertThat(Imsi.parse("400011").digits()).hasSize(6);
    }

    @Test
    void parse_badValuesAreExplained() {
        assertThatThrownBy(() -> Imsi.parse("40001")).hasMessage("IMSI 40001: 5 digits; an IMSI has 6 to 15 (usually 15)");
        assertThatThrownBy(() -> Imsi.parse("4000112345678901")).hasMessageContaining("16 digits");
        assertThatThrownBy(() -> Imsi.parse("40001x")).hasMessageContaining("found 'x' at position 6");
        assertThatThrownBy(() -> Imsi.parse("")).hasMessage("IMSI is empty");
    }

    @Property
    void keyKeepsLeadingZerosAndRoundTrips(@ForAll @NumericChars @StringLength(min = 1, max = 15) String digits) {
        long key = Imsi.key(digits);
        assertThat(key).isPositive();
        assertThat(Imsi.digitsOfKey(key)).isEqualTo(digits);
    }

    @Test
    void key_rejectsNonDigits() {
        assertThat(Imsi.key("40001a")).isEqualTo(-1);
        assertThat(Imsi.key("")).isEqualTo(-1);
        assertThat(Imsi.key("1234567890123456")).isEqualTo(-1);
    }
}
