package org.ceir.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imsi;
import org.junit.jupiter.api.Test;

class NumberingTest {
    private final Catalogue catalogue = Catalogue.load();

    @Property(tries = 100)
    void scatter_isABijectionOnItsRange(@ForAll @IntRange(min = 1, max = 3000) int size, @ForAll long salt) {
        Set<Long> values = new HashSet<>();
        for (long n = 0; n < size; n++) {
            long value = Numbering.scatter(n, salt, size);
            assertThat(value).isBetween(0L, size - 1L);
            values.add(value);
        }
        assertThat(values).hasSize(size);
    }

    @Test
    void imsi_belongsToItsOperatorAndNeverRepeats() {
        Country country = Country.azerbaijan();
        Numbering numbering = new Numbering(country, catalogue);
        NumberingPlan plan = new NumberingPlan(country);
        Set<Long> imsis = new HashSet<>();
        for (int i = 0; i < 30_000; i++) {
            int op = i % 3;
            long value = numbering.imsi(op);
            Imsi imsi = Imsi.parse(Long.toString(value));
            assertThat(imsi.digits()).hasSize(15);
            assertThat(plan.operatorOf(imsi)).contains(country.operators().get(op));
            assertThat(imsis.add(value)).isTrue();
        }
    }

    @Test
    void msisdn_isAHomeNumberThatNeverRepeats() {
        Country country = new Country("Testland", "111", "22", "0", 8,
                List.of(new Operator("one", "One", "111", "01"), new Operator("two", "Two", "111", "02")), Map.of());
        Numbering numbering = new Numbering(country, catalogue);
        NumberingPlan plan = new NumberingPlan(country);
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long value = numbering.msisdn(i % 2);
            assertThat(plan.parseMsisdn("+" + value).digits()).startsWith("22").hasSize(10);
            assertThat(numbers.add(value)).isTrue();
        }
    }

    @Test
    void foreignImsi_isOfAnotherCountryWithANumberOfItsOwn() {
        Country country = Country.azerbaijan();
        Numbering numbering = new Numbering(country, catalogue);
        NumberingPlan plan = new NumberingPlan(country);
        SplittableRandom random = new SplittableRandom(3);
        Set<Long> imsis = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            int network = numbering.foreignNetwork(random);
            long imsi = numbering.foreignImsi(network);
            long msisdn = numbering.foreignMsisdn(network);
            assertThat(plan.isHome(Imsi.parse(Long.toString(imsi)))).isFalse();
            assertThat(Long.toString(imsi)).hasSize(15);
            assertThat(Long.toString(msisdn)).hasSizeBetween(10, 13).doesNotStartWith("994");
            assertThat(imsis.add(imsi)).isTrue();
        }
    }

    @Test
    void imei_carriesOneOfTheModelsTacsAndAnEvenSerial() {
        Numbering numbering = new Numbering(Country.azerbaijan(), catalogue);
        SplittableRandom random = new SplittableRandom(5);
        DeviceModel model = catalogue.model(0);
        Set<Long> imeis = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            long body = numbering.imei(model, random);
            assertThat(model.tacs()).contains((int) (body / 1_000_000));
            assertThat(body % 2).isZero();
            assertThat(imeis.add(body)).isTrue();
        }
    }
}
