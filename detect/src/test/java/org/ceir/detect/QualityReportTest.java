package org.ceir.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceir.core.country.Country;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ceir detect --truth}: precision, recall and the persona table on a small country whose
 * truth file this test writes, beside the count-only rule at the same recall.
 */
class QualityReportTest {
    static final Country COUNTRY = Country.azerbaijan();

    @TempDir
    Path dir;

    @Test
    void evaluate_cloneConditionBeatsCountOnlyAtTheSameRecall() throws IOException {
        List<String> truth = new ArrayList<>(List.of("imei,persona,is_clone,ring_id,ring_size"));
        try (Database database = TestDatabase.create()) {
            TripletFixture fixture = new TripletFixture(database, COUNTRY);
            int serial = 0;
            for (int i = 0; i < 40; i++) {
                String imei = imei(serial++);
                fixture.seen(imei, imsi(serial, 0), null, "azercell", "2024-01-01..2024-03-30");
                truth.add(imei + ",single_sim,false,,");
            }
            String family = imei(serial++);
            fixture.seen(family, imsi(serial, 0), null, "azercell", "2024-01-01..2024-01-30")
                    .seen(family, imsi(serial, 1), null, "azercell", "2024-01-31..2024-02-28")
                    .seen(family, imsi(serial, 2), null, "azercell", "2024-02-29..2024-03-30");
            truth.add(family + ",family_shared,false,,");
            for (int size : new int[] {2, 3, 10}) {
                String ring = imei(serial++);
                for (int phone = 0; phone < size; phone++) {
                    fixture.seen(ring, imsi(serial, phone), null, phone % 2 == 0 ? "azercell" : "nar",
                            "2024-02-01..2024-03-30");
                }
                truth.add(ring + ",clone," + true + ",R" + size + "," + size);
            }
            fixture.write();
            Path file = dir.resolve("truth.csv");
            Files.write(file, truth);
            RunReport report = new Detector(database, COUNTRY, settings(), m -> { })
                    .run(Optional.of(LocalDate.parse("2024-03-30")), "test", Optional.of(TruthFile.read(file)));

            QualityReport quality = report.quality().orElseThrow();
            assertThat(quality.ours().flagged()).isEqualTo(2);
            assertThat(quality.ours().precision()).isEqualTo(1.0);
            assertThat(quality.ours().recall3()).isEqualTo(1.0);
            assertThat(quality.ours().recallAll()).isEqualTo(2.0 / 3);
            assertThat(quality.countOnlyThreshold()).isEqualTo(3);
            assertThat(quality.countOnly().flagged()).isEqualTo(3);
            assertThat(quality.countOnly().precision()).isEqualTo(2.0 / 3);
            assertThat(quality.personas().get("family_shared")).containsExactly(1, 0, 1);
            assertThat(quality.protectedFlagged()).isEmpty();
            assertThat(quality.meetsGoals()).isTrue();
            assertThat(quality.text()).contains("precision (goal >= 99.5%)").contains("count-only (>= 3 IMSIs)")
                    .contains("ring of 3-9").contains("family_shared (protected)").contains("goals met");
            assertThat(quality.text().indexOf("ring of 2")).as("ring sizes in order")
                    .isLessThan(quality.text().indexOf("ring of 3-9"));
        }
    }

    @Test
    void evaluate_protectedPersonaFlagged_goalsNotMet() throws IOException {
        try (Database database = TestDatabase.create()) {
            TripletFixture fixture = new TripletFixture(database, COUNTRY);
            String dualSim = imei(1);
            for (int sim = 0; sim < 3; sim++) {
                fixture.seen(dualSim, imsi(1, sim), null, "azercell", "2024-03-01..2024-03-05");
            }
            String ring = imei(2);
            for (int phone = 0; phone < 4; phone++) {
                fixture.seen(ring, imsi(2, phone), null, "nar", "2024-03-01..2024-03-30");
            }
            List<String> truth = new ArrayList<>(List.of("imei,persona,is_clone,ring_id,ring_size",
                    dualSim + ",dual_sim_one_imei,false,,", ring + ",clone,true,R1,4"));
            for (int serial = 3; serial < 8; serial++) { // below max_allowed_matching_ratio
                fixture.seen(imei(serial), imsi(serial, 0), null, "azercell", "2024-03-01..2024-03-30");
                truth.add(imei(serial) + ",single,false,,");
            }
            fixture.write();
            Path file = dir.resolve("truth.csv");
            Files.write(file, truth);

            RunReport report = new Detector(database, COUNTRY, settings(), m -> { })
                    .run(Optional.of(LocalDate.parse("2024-03-30")), "test", Optional.of(TruthFile.read(file)));

            QualityReport quality = report.quality().orElseThrow();
            assertThat(quality.protectedFlagged()).containsExactly("dual_sim_one_imei");
            assertThat(quality.meetsGoals()).isFalse();
            assertThat(quality.text()).contains("goals NOT met; protected personas flagged: [dual_sim_one_imei]");
        }
    }

    static DetectSettings settings() {
        return new DetectSettings(90, 30, 0, 50, List.of(new ConditionConfig("clone", "copied", true, true, 0, false,
                0.5, List.of(DimensionConfig.of("concurrent_imsis", Map.of("min_imsis", 3, "min_days", 2,
                "period_days", 90))))));
    }

    static String imei(int serial) {
        return String.format("352099%08d", serial);
    }

    static String imsi(int serial, int sim) {
        return String.format("40001%06d%04d", serial, sim);
    }
}
