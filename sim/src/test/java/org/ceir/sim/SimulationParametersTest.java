package org.ceir.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;

import org.ceir.core.country.Country;
import org.junit.jupiter.api.Test;

class SimulationParametersTest {
    private static final Path OUT = Path.of("country");
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void constructor_badValuesNameTheOption() {
        Country az = Country.azerbaijan();
        assertThatThrownBy(() -> new SimulationParameters(OUT, 0, 90, START, 1, 1, az, false))
                .hasMessage("--subscribers 0: from 1 to 50000000");
        assertThatThrownBy(() -> new SimulationParameters(OUT, 10, 0, START, 1, 1, az, false))
                .hasMessage("--days 0: from 1 to 366");
        assertThatThrownBy(() -> new SimulationParameters(OUT, 10, 400, START, 1, 1, az, false))
                .hasMessage("--days 400: from 1 to 366");
        assertThatThrownBy(() -> new SimulationParameters(OUT, 10, 9, START, 1, 0, az, false))
                .hasMessage("--threads 0: at least 1");
        assertThatThrownBy(() -> new SimulationParameters(null, 10, 9, START, 1, 1, az, false))
                .hasMessageStartingWith("--out");
        assertThatThrownBy(() -> new SimulationParameters(OUT, 10, 9, LocalDate.of(1999, 1, 1), 1, 1, az, false))
                .hasMessageContaining("between 2000 and 9999");
    }

    @Test
    void end_isTheLastDayOfThePeriod() {
        assertThat(new SimulationParameters(OUT, 10, 90, START, 1, 1, Country.azerbaijan(), false).end())
                .isEqualTo(LocalDate.of(2026, 3, 31));
    }
}
