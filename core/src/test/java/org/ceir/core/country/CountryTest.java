package org.ceir.core.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CountryTest {
    private static final Operator ONE = new Operator("one", "One", "400", "01");

    @Test
    void constructor_contradictionsNameTheSetting() {
        assertThatThrownBy(() -> new Country("X", "40", "994", "0", 9, List.of(ONE), Map.of()))
                .hasMessageContaining("country.mcc");
        assertThatThrownBy(() -> new Country("X", "400", "994", "0", 9, List.of(), Map.of()))
                .hasMessageContaining("country.operators");
        assertThatThrownBy(() -> new Country("X", "400", "994", "0", 9, List.of(ONE, ONE), Map.of()))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new Country("X", "400", "994", "0", 9,
                List.of(ONE, new Operator("two", "Two", "400", "001")), Map.of()))
                .hasMessageContaining("2- and 3-digit");
        assertThatThrownBy(() -> new Country("X", "400", "994", "0", 9, List.of(ONE), Map.of("400", 3)))
                .hasMessageContaining("country.mnc-lengths.400=3");
        assertThatThrownBy(() -> new Operator("Bad Code", "x", "400", "01")).hasMessageContaining("operator code");
    }

    @Test
    void operator_unknownCodeListsTheKnownOnes() {
        assertThatThrownBy(() -> Country.azerbaijan().operator("vodafone"))
                .hasMessage("unknown operator 'vodafone'; this country has [azercell, bakcell, nar]");
        assertThat(Country.azerbaijan().operator("nar").plmn()).isEqualTo("40004");
    }
}
