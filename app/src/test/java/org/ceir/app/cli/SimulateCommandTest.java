package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path temp;

    @Test
    void simulate_writesTheCountryAndSummarisesIt() throws IOException {
        Path country = temp.resolve("country");
        Cli.Result simulate = Cli.run("simulate", "--home", temp.resolve("home").toString(), "--out", country.toString(),
                "--subscribers", "2000", "--days", "3", "--start", "2026-02-01", "--seed", "4");
        assertThat(simulate.code()).as(simulate.err()).isZero();
        assertThat(simulate.out())
                .contains("simulated Azerbaijan: 2,000 subscribers, 3 days from 2026-02-01 to 2026-02-03, seed 4")
                .contains("rows/s", "clone", "family_shared", "wrote " + country.toAbsolutePath());
        assertThat(simulate.err()).contains("simulate: 9/9 files");
        assertThat(country.resolve("operator/azercell_20260201_20260201.csv.gz")).isRegularFile();
        assertThat(country.resolve("operator/nar_20260203_20260203.csv.gz")).isRegularFile();
        for (String name : new String[] {"tac.csv", "prices.csv", "registrations.csv", "stolen.csv", "truth.csv",
            "README.txt"}) {
            assertThat(country.resolve(name)).isRegularFile();
        }
        assertThat(Files.exists(temp.resolve("home").resolve("postgres"))).as("no database is needed").isFalse();
    }

    @Test
    void simulate_defaultStartMakesYesterdayTheNewestDay() {
        Path country = temp.resolve("recent");
        assertThat(Cli.run("simulate", "--home", temp.resolve("home").toString(), "--out", country.toString(),
                "--subscribers", "100", "--days", "2").code()).isZero();
        String yesterday = LocalDate.now().minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(country.resolve("operator/azercell_" + yesterday + "_" + yesterday + ".csv.gz")).isRegularFile();
    }

    @Test
    void simulate_badValueFailsWithOneLine() {
        Cli.Result bad = Cli.run("simulate", "--home", temp.toString(), "--out", temp.resolve("x").toString(),
                "--days", "0");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("ceir: --days 0: from 1 to 366");
    }

    @Test
    void simulate_withoutOutIsAUsageError() {
        Cli.Result noOut = Cli.run("simulate", "--home", temp.toString());
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
    }
}
