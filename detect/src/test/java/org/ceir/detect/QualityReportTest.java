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
            truth.add(family + ",family_shared_phone,false,,");
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
            DetectSettings settings = new DetectSettings(90, 30, 0, 50, List.of(new ConditionConfig("clone", "copied",
                    true, true, 0, false, 0.5, List.of(DimensionConfig.of("concurrent_imsis",
                    Map.of("min_imsis", 3, "min_days", 2, "period_days", 90))))));

            RunReport report = new Detector(database, COUNTRY, settings, m -> { })
                    .run(Optional.of(LocalDate.parse("2024-03-30")), "test", Optional.of(TruthFile.read(file)));

            QualityReport quality = report.quality().orElseThrow();
            assertThat(quality.ours().flagged()).isEqualTo(2);
            assertThat(quality.ours().precision()).isEqualTo(1.0);
            assertThat(quality.ours().recall3()).isEqualTo(1.0);
            assertThat(quality.ours().recallAll()).isEqualTo(2.0 / 3);
            assertThat(quality.countOnlyThreshold()).isEqualTo(3);
            assertThat(quality.countOnly().flagged()).isEqualTo(3);
            assertThat(quality.countOnly().precision()).isEqualTo(2.0 / 3);
            assertThat(quality.personas().get("family_shared_phone")).containsExactly(1, 0, 1);
            assertThat(quality.protectedFlagged()).isEmpty();
            assertThat(quality.meetsGoals()).isTrue();
            assertThat(quality.text()).contains("precision (goal >= 99.5%)").contains("count-only (>= 3 IMSIs)")
                    .contains("ring of 3-9").contains("goals met");
        }
    }

    static String imei(int serial) {
        return String.format("352099%08d", serial);
    }

    static String imsi(int serial, int sim) {
        return String.format("40001%06d%04d", serial, sim);
    }
}
