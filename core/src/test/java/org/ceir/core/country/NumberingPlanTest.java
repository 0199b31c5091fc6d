package org.ceir.core.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.ceir.core.identity.Imsi;
import org.junit.jupiter.api.Test;

class NumberingPlanTest {
    private final NumberingPlan azerbaijan = new NumberingPlan(Country.azerbaijan());

    @Test
    void parseMsisdn_nationalAndInternationalFormsAgree() {
        for (String form : List.of("+994 50 123 45 67", "00994501234567", "994501234567", "050 123 45 67",
                "501234567", "(050) 123-45-67", "msisdn-994501234567")) {
            assertThat(azerbaijan.parseMsisdn(form).digits()).as(form).isEqualTo("994501234567");
        }
        assertThat(azerbaijan.parseMsisdn("+44 7700 900123").e164()).isEqualTo("+447700900123");
    }

    @Test
    void parseMsisdn_badNumbersAreExplained() {
        assertThatThrownBy(() -> azerbaijan.parseMsisdn("12345")).hasMessageContaining("+994 and 9 digits");
        assertThatThrownBy(() -> azerbaijan.parseMsisdn("+9945012345")).hasMessageContaining("9 digits after the country code, not 7");
        assertThatThrownBy(() -> azerbaijan.parseMsisdn("050-ABC")).hasMessageContaining("found 'A'");
    }

    @Test
    void operatorOf_splitsByTheMncTable() {
        assertThat(azerbaijan.operatorOf(Imsi.parse("400021234567890"))).map(Operator::code).contains("bakcell");
        assertThat(azerbaijan.operatorOf(Imsi.parse("400991234567890"))).isEmpty();
        assertThat(azerbaijan.isHome(Imsi.parse("400991234567890"))).isTrue();
        assertThat(azerbaijan.isHome(Imsi.parse("250011234567890"))).isFalse();
        assertThat(azerbaijan.mnc(Imsi.parse("310150123456789"))).isEqualTo("150");
        assertThat(azerbaijan.mnc(Imsi.parse("250011234567890"))).isEqualTo("01");
    }

    @Test
    void anotherCountryNeedsNoCode() {
        Country other = new Country("Testland", "311", "1", "1", 10,
                List.of(new Operator("alpha", "Alpha", "311", "480")), Map.of());
        NumberingPlan plan = new NumberingPlan(other);
        assertThat(plan.operatorOf(Imsi.parse("311480123456789"))).map(Operator::code).contains("alpha");
        assertThat(plan.parseMsisdn("1 (202) 555-0143").digits()).isEqualTo("12025550143");
    }
}
