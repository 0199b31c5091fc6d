package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.ceir.app.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path temp;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void simulate_writesTheCountryAndSummarisesIt() throws IOException {
        Path country = temp.resolve("country");
        int exit = Main.run("simulate", "--home", temp.resolve("home").toString(), "--out", country.toString(),
                "--subscribers", "2000", "--days", "3", "--start", "2026-02-01", "--seed", "4");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("simulated Azerbaijan: 2,000 subscribers, 3 days from 2026-02-01 to 2026-02-03, seed 4")
                .contains("rows/s", "clone", "family_shared", "wrote " + country.toAbsolutePath());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("simulate: 9/9 files");
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
        assertThat(Main.run("simulate", "--home", temp.resolve("home").toString(), "--out", country.toString(),
                "--subscribers", "100", "--days", "2")).isZero();
        String yesterday = LocalDate.now().minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(country.resolve("operator/azercell_" + yesterday + "_" + yesterday + ".csv.gz")).isRegularFile();
    }

    @Test
    void simulate_badValueFailsWithOneLine() {
        assertThat(Main.run("simulate", "--home", temp.toString(), "--out", temp.resolve("x").toString(),
                "--days", "0")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("ceir: --days 0: from 1 to 366");
    }

    @Test
    void simulate_withoutOutIsAUsageError() {
        assertThat(Main.run("simulate", "--home", temp.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--out=DIR'");
    }
}
