package org.ceir.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.ceir.core.country.Country;
import org.ceir.sim.SimulationParameters;
import org.ceir.sim.SimulationProgress;
import org.ceir.sim.Simulator;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's country imports whole with the checks on, and a second time changes nothing (issue 3's "done when"). */
class SimulatedCountryImportTest {
    @TempDir
    Path dir;

    @Test
    void importEverything_simulatedCountry_passesTheChecksAndIsIdempotent() throws IOException {
        Path country = dir.resolve("country");
        Simulator.run(new SimulationParameters(country, 3_000, 4, LocalDate.now().minusDays(5), 7, 2,
                Country.azerbaijan(), false), SimulationProgress.SILENT);
        List<Path> operatorFiles;
        try (Stream<Path> files = Files.list(country.resolve("operator"))) {
            operatorFiles = files.sorted().toList();
        }
        try (Database database = TestDatabase.create()) {
            Importer importer = new Importer(database, Country.azerbaijan(), IngestSettings.defaults(),
                    Optional.of(dir.resolve("reports")), ImportListener.NONE);
            for (Path file : operatorFiles) {
                assertThat(importer.importOperator(file, Fixtures.options()).outcome())
                        .isEqualTo(ImportResult.Outcome.SUCCEEDED);
            }
            assertThat(importer.importTac(country.resolve("tac.csv"), Fixtures.options()).rowsChanged()).isPositive();
            assertThat(importer.importRegistrations(country.resolve("registrations.csv"), Fixtures.options())
                    .rowsChanged()).isPositive();
            assertThat(importer.importStolen(country.resolve("stolen.csv"), Fixtures.options()).outcome())
                    .isEqualTo(ImportResult.Outcome.SUCCEEDED);
            List<String> before = Fixtures.networkState(database);

            for (Path file : operatorFiles) {
                assertThat(importer.importOperator(file, Fixtures.options()).summary()).contains("nothing to do");
            }
            assertThat(Fixtures.networkState(database)).isEqualTo(before);
            assertThat(Fixtures.count(database, "SELECT count(*) FROM import_job WHERE status = 'FAILED'")).isZero();
        }
    }
}
