package org.ceir.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.core.network.Rat;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each dimension's semantics on a handful of phones whose stories are known. */
class DimensionsTest {
    static final Country COUNTRY = Country.azerbaijan();
    static final LocalDate AS_OF = LocalDate.parse("2024-03-30");
    static final String RING = "35209900000001";
    static final String SWAP = "35209900000002";
    static final String FAMILY = "35209900000003";
    static final String DUAL = "35209900000004";
    static final String ROAMER = "35209900000005";
    static final String OLD = "35209900000006";
    static final String UNKNOWN_TAC = "99999999000007";
    static final String NR_ON_4G_MODEL = "35209900000008";
    static Database database;

    @BeforeAll
    static void phones() {
        database = TestDatabase.create();
        TripletFixture fixture = new TripletFixture(database, COUNTRY);
        fixture.seen(RING, "400010000000001", "994501000001", "azercell", "2024-03-01..2024-03-30")
                .seen(RING, "400010000000002", "994501000002", "azercell", "2024-03-01..2024-03-30, 2024-01-02")
                .seen(RING, "400020000000003", "994551000003", "bakcell", "2024-03-10..2024-03-12, 2024-03-20..2024-03-22");
        fixture.seen(SWAP, "400010000000011", "994501000011", "azercell", "2024-01-01..2024-02-10")
                .seen(SWAP, "400010000000012", "994501000012", "azercell", "2024-02-10..2024-03-30");
        fixture.seen(FAMILY, "400010000000021", "994501000021", "azercell", "2024-01-01..2024-01-10, 2024-02-01..2024-02-10")
                .seen(FAMILY, "400010000000022", "994501000022", "azercell", "2024-01-11..2024-01-31, 2024-02-11..2024-03-30");
        fixture.seen(DUAL, "400010000000031", "994501000031", "azercell", "2024-01-01..2024-03-30")
                .seen(DUAL, "400040000000032", "994701000032", "nar", "2024-01-01..2024-03-30");
        fixture.seen(ROAMER, "250011234567890", "79161234567", "bakcell", "2024-03-01..2024-03-05");
        fixture.seen(OLD, "400010000000041", "994501000041", "azercell", "2023-10-01..2023-10-05")
                .seen(OLD, "400010000000042", "994501000042", "azercell", "2024-03-01");
        fixture.seen(UNKNOWN_TAC, "400010000000051", "994501000051", "azercell", "2024-03-01..2024-03-30");
        fixture.seen(NR_ON_4G_MODEL, "400010000000061", "994501000061", "azercell", "2024-03-01..2024-03-30",
                Rat.EUTRAN.bit() | Rat.NR.bit());
        fixture.write();
        database.transaction(connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("INSERT INTO tac_model (tac, manufacturer, model_name, rat_bitmask) VALUES (35209900, 'Acme',"
                        + " 'A1', " + (Rat.GERAN.bit() | Rat.UTRAN.bit() | Rat.EUTRAN.bit()) + ")");
                s.execute("INSERT INTO registration (reference, kind, status, created_by) VALUES ('R-1', 'IMPORTED', 'ACTIVE', 't')");
                s.execute("INSERT INTO registration_imei SELECT id, " + Long.parseLong(RING) + " FROM registration");
                s.execute("INSERT INTO device_status (imei, status, reason, set_by) VALUES (" + Long.parseLong(SWAP)
                        + ", 'STOLEN', 'police report', 't')");
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static List<String> matched(String module, Map<String, Object> parameters) {
        return matched(new DimensionConfig(module, parameters, false));
    }

    static List<String> matched(DimensionConfig dimension) {
        long[] keys = Classifier.classify(database, COUNTRY, ConditionConfig.single("t", dimension), AS_OF, 90).matched();
        return Arrays.stream(keys).mapToObj(Imei::formatKey).toList();
    }

    @Test
    void concurrentImsis_countsDaysWithSeveralSimsAtOnce() {
        assertThat(matched("concurrent_imsis", Map.of("min_imsis", 3, "min_days", 6, "period_days", 90))).containsExactly(RING);
        assertThat(matched("concurrent_imsis", Map.of("min_imsis", 3, "min_days", 7, "period_days", 90))).isEmpty();
        assertThat(matched("concurrent_imsis", Map.of("min_imsis", 2, "min_days", 2, "period_days", 90)))
                .containsExactly(RING, DUAL);
    }

    @Test
    void interleavedImsis_countsReturnsNotASingleSwitch() {
        // the family's SIMs come back once each; the ring's third SIM once (its second SIM's January day is
        // followed by a gap nobody used, which is no return); the swap never
        assertThat(matched("interleaved_imsis", Map.of("min_switches", 1, "period_days", 90)))
                .containsExactly(RING, FAMILY);
        assertThat(matched("interleaved_imsis", Map.of("min_switches", 2, "period_days", 90))).containsExactly(FAMILY);
        assertThat(matched("interleaved_imsis", Map.of("min_switches", 3, "period_days", 90))).isEmpty();
    }

    @Test
    void duplicateThreshold_countsOnlyDaysInsideTheWindow() {
        // OLD's first SIM was seen in October, outside 90 days to 30 March
        assertThat(matched("duplicate_threshold", Map.of("threshold", 2, "period_days", 90)))
                .containsExactly(RING, SWAP, FAMILY, DUAL);
        assertThat(matched("duplicate_threshold", Map.of("threshold", 2, "period_days", 200)))
                .containsExactly(RING, SWAP, FAMILY, DUAL, OLD);
        assertThat(matched("duplicate_threshold", Map.of("threshold", 3, "period_months", 1))).containsExactly(RING);
    }

    @Test
    void multiOperatorSameDay_needsTwoNetworksOnOneDay() {
        assertThat(matched("multi_operator_same_day", Map.of("min_days", 6, "period_days", 90))).containsExactly(RING, DUAL);
        assertThat(matched("multi_operator_same_day", Map.of("min_days", 7, "period_days", 90))).containsExactly(DUAL);
    }

    @Test
    void referenceDimensions_compareWithTheCatalogueRegistrationsAndStolenList() {
        assertThat(matched("gsma_not_found", Map.of())).containsExactly(UNKNOWN_TAC);
        assertThat(matched("inconsistent_rat", Map.of())).containsExactly(NR_ON_4G_MODEL);
        assertThat(matched("not_on_registration_list", Map.of())).hasSize(7).doesNotContain(RING);
        assertThat(matched("stolen_list", Map.of())).containsExactly(SWAP);
        assertThat(matched("used_by_international_roamer", Map.of("lookback_days", 30))).containsExactly(ROAMER);
        assertThat(matched("malformed_imei", Map.of())).isEmpty();
    }

    @Test
    void invert_matchesTheOthersSeenInTheWindow() {
        assertThat(matched(new DimensionConfig("not_on_registration_list", Map.of(), true))).containsExactly(RING);
    }

    @Test
    void create_badParametersAreNamed() {
        assertThatThrownBy(() -> DimensionConfig.of("concurrent_imsis", Map.of("min_imsis", 1, "period_days", 90)))
                .hasMessage("concurrent_imsis: parameter min_imsis is '1', expected a whole number of at least 2");
        assertThatThrownBy(() -> DimensionConfig.of("duplicate_threshold", Map.of("threshold", 2)))
                .hasMessage("duplicate_threshold: give exactly one of period_days and period_months, as a positive number");
        assertThatThrownBy(() -> DimensionConfig.of("duplicate_threshold", Map.of("threshold", 2, "period_day", 9)))
                .hasMessageStartingWith("duplicate_threshold: give exactly one of period_days");
        assertThatThrownBy(() -> DimensionConfig.of("stolen_list", Map.of("period_days", 9)))
                .hasMessageStartingWith("stolen_list: unknown parameter 'period_days'");
        assertThatThrownBy(() -> DimensionConfig.of("duplicate_daily_avg",
                Map.of("threshold", "2.5", "period_days", 5, "min_seen_days", 6)))
                .hasMessage("duplicate_daily_avg: min_seen_days 6 is more than period_days 5");
        assertThatThrownBy(() -> DimensionConfig.of("cloned", Map.of()))
                .hasMessageStartingWith("unknown dimension module 'cloned'; known: [duplicate_threshold");
    }
}
