package org.ceir.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ceir.core.country.Country;

/** Small countries from many seeds: the invariants hold whatever the draw. */
class SimulatorProperties {

    @Property(tries = 12)
    void run_anySeedGivesUniqueValidRowsAndACompleteTruth(@ForAll long seed,
                                                          @ForAll @IntRange(min = 1, max = 3000) int subscribers,
                                                          @ForAll @IntRange(min = 1, max = 12) int days,
                                                          @ForAll @IntRange(min = 1, max = 3) int threads) throws IOException {
        Path dir = Files.createTempDirectory("ceir-sim-property");
        try {
            SimulationSummary summary = Simulator.run(new SimulationParameters(dir, subscribers, days,
                    LocalDate.of(2025, 12, 25), seed, threads, Country.azerbaijan(), false), SimulationProgress.SILENT);
            Output output = new Output(dir);
            assertThat(output.rows).hasSize((int) summary.rows());
            Set<String> tuples = new HashSet<>();
            Set<String> bodies = new HashSet<>();
            for (Output.Row row : output.rows) {
                assertThat(tuples.add(row.file() + row.imei() + "," + row.imsi() + "," + row.msisdn())).isTrue();
                assertThat(row.date()).isEqualTo(row.fileDate());
                String body = Output.body(row.imei());
                if (body != null) {
                    bodies.add(body);
                }
            }
            assertThat(output.truth.keySet()).isEqualTo(bodies);
            long people = summary.people().entrySet().stream().filter(e -> e.getKey() != Persona.ROAMER)
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(people).isEqualTo(subscribers);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
