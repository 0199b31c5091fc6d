package org.ceir.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs and cases end to end on a real PostgreSQL: a ring among honest people, then the analyst. */
class DetectorTest {
    static final String RING = "35209900176148";
    static final String SWAP = "35209900176149";
    static final String DUAL = "35209900176150";
    static final String FAMILY = "35209900176151";
    static final LocalDate AS_OF = LocalDate.parse("2024-03-30");
    static final Country COUNTRY = Country.azerbaijan();

    Database database;
    TripletFixture fixture;

    @BeforeEach
    void country() {
        database = TestDatabase.create();
        fixture = new TripletFixture(database, COUNTRY);
        for (int phone = 0; phone < 4; phone++) {
            fixture.seen(RING, "40001000000000" + phone, "99450100000" + phone, phone % 2 == 0 ? "azercell" : "bakcell",
                    "2024-01-05..2024-03-30");
        }
        fixture.seen(SWAP, "400010000000010", "994501000010", "azercell", "2024-01-01..2024-02-10")
                .seen(SWAP, "400010000000011", "994501000011", "azercell", "2024-02-10..2024-03-30");
        fixture.seen(DUAL, "400010000000020", "994501000020", "azercell", "2024-01-01..2024-03-30")
                .seen(DUAL, "400040000000021", "994701000021", "nar", "2024-01-01..2024-03-30");
        fixture.seen(FAMILY, "400010000000030", "994501000030", "azercell", "2024-01-01..2024-01-14, 2024-02-12..2024-02-25")
                .seen(FAMILY, "400010000000031", "994501000031", "azercell", "2024-01-14..2024-01-28, 2024-02-25..2024-03-10")
                .seen(FAMILY, "400010000000032", "994501000032", "azercell", "2024-01-28..2024-02-12, 2024-03-10..2024-03-30");
        for (int i = 0; i < 80; i++) {
            fixture.seen(String.format("3520990100%04d", i), String.format("4000200000%05d", i),
                    String.format("9945520%05d", i), "bakcell", "2024-01-01..2024-03-30");
        }
        fixture.write();
    }

    @AfterEach
    void close() {
        database.close();
    }

    DetectSettings settings(double autoConfirm, double maxRatio) {
        ConditionConfig clone = new ConditionConfig("clone", "IMEI copied onto other phones", true, true, 0, false,
                maxRatio, List.of(DimensionConfig.of("concurrent_imsis",
                        Map.of("min_imsis", 3, "min_days", 2, "period_days", 90))));
        return new DetectSettings(90, 30, autoConfirm, 50, List.of(clone));
    }

    RunReport run(DetectSettings settings, LocalDate asOf) {
        return new Detector(database, COUNTRY, settings, message -> { }).run(Optional.of(asOf), "test", Optional.empty());
    }

    CloneCases cases(DetectSettings settings) {
        return new CloneCases(database, COUNTRY, settings);
    }

    List<String> column(String sql, Object... parameters) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                List<String> values = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            }
        });
    }

    @Test
    void estimate_analysedTriplets_countsTheRowsOfTheRangesMonths() {
        long[] counted = database.transaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE network_triplet");
            }
            long estimate = TripletLoader.estimate(connection,
                    new DayRange(LocalDate.parse("2024-02-10"), LocalDate.parse("2024-03-05")));
            try (var statement = connection.createStatement(); var row = statement.executeQuery(
                    "SELECT count(*) FROM network_triplet WHERE triplet_month BETWEEN '2024-02-01' AND '2024-03-01'")) {
                row.next();
                return new long[] {estimate, row.getLong(1)};
            }
        });

        assertThat(counted[0]).isPositive().isEqualTo(counted[1]);
    }

    @Test
    void run_opensACaseForTheRingAndNoneForSwapDualSimOrFamily() {
        RunReport report = run(settings(0, 0.05), AS_OF);

        assertThat(report.imeis()).isEqualTo(84);
        assertThat(report.conditions()).singleElement().satisfies(c -> {
            assertThat(c.matched()).isEqualTo(1);
            assertThat(c.started()).isEqualTo(1);
        });
        assertThat(report.cases().opened()).isEqualTo(1);
        assertThat(report.failure()).isEmpty();
        assertThat(column("SELECT imei::text FROM clone_case WHERE status = 'OPEN'")).containsExactly(String.valueOf(Long.parseLong(RING)));
        assertThat(column("SELECT status FROM device_status WHERE imei = ?", Long.parseLong(RING))).containsExactly("SUSPECTED_CLONE");
        assertThat(column("SELECT change FROM change_log WHERE imei = ?", Long.parseLong(RING))).containsExactly("STATUS_SET");
        assertThat(column("SELECT action FROM audit_log WHERE subject = ?", "imei:" + RING)).containsExactly("CASE_OPENED");
        assertThat(column("SELECT start_date::text FROM classification_state WHERE imei = ? AND end_date IS NULL",
                Long.parseLong(RING))).containsExactly("2024-03-30");
        assertThat(column("SELECT evidence->>'peak_imsis' FROM imei_evidence WHERE imei = ?", Long.parseLong(RING)))
                .containsExactly("4");
        assertThat(column("SELECT status FROM detection_run")).containsExactly("SUCCEEDED");
        assertThat(column("SELECT config->'conditions'->0->>'max_allowed_matching_ratio' FROM detection_run"))
                .containsExactly("0.05");
    }

    @Test
    void confirm_makesCloneAndPairsTheSimsOfTheLookback() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);
        long id = cases(settings).caseOf(Long.parseLong(RING)).orElseThrow();

        CloneCases.Decision decision = cases(settings).confirm(id, "alice", "four phones on one IMEI every day");

        assertThat(decision.pairingsChanged()).isEqualTo(4);
        assertThat(decision.decided().status()).isEqualTo("CONFIRMED");
        assertThat(column("SELECT status || ' ' || sticky || ' ' || set_by FROM device_status WHERE imei = ?",
                Long.parseLong(RING))).containsExactly("CLONE true alice");
        assertThat(column("SELECT imsi || '/' || msisdn || ' ' || kind FROM pairing WHERE imei = ? ORDER BY imsi",
                Long.parseLong(RING))).containsExactly("400010000000000/994501000000 GRANDFATHERED",
                "400010000000001/994501000001 GRANDFATHERED", "400010000000002/994501000002 GRANDFATHERED",
                "400010000000003/994501000003 GRANDFATHERED");
        assertThat(column("SELECT change FROM change_log WHERE imei = ? ORDER BY id", Long.parseLong(RING)))
                .containsExactly("STATUS_SET", "STATUS_CLEARED", "STATUS_SET", "PAIRED", "PAIRED", "PAIRED", "PAIRED");
        assertThat(column("SELECT actor || ': ' || action || ': ' || reason FROM audit_log WHERE subject = ? ORDER BY id",
                "imei:" + RING)).last().isEqualTo("alice: CASE_CONFIRMED: four phones on one IMEI every day");
        assertThat(database.transaction(AuditLog::verify).intact()).isTrue();
    }

    @Test
    void confirm_withoutReasonIsRefusedAndChangesNothing() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);
        long id = cases(settings).caseOf(Long.parseLong(RING)).orElseThrow();

        assertThatThrownBy(() -> cases(settings).confirm(id, "alice", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give a reason");
        assertThat(column("SELECT status FROM clone_case")).containsExactly("OPEN");
    }

    @Test
    void run_afterDismissalReopensOnlyForASimNotSeenThen() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);
        long first = cases(settings).caseOf(Long.parseLong(RING)).orElseThrow();
        cases(settings).dismiss(first, "bob", "a shop's test phones, checked");
        assertThat(column("SELECT status FROM device_status WHERE imei = ?", Long.parseLong(RING))).isEmpty();

        RunReport same = run(settings, AS_OF);
        assertThat(same.cases().stillDismissed()).isEqualTo(1);
        assertThat(same.cases().opened() + same.cases().reopened()).isZero();

        fixture.seen(RING, "400010000000009", "994501000009", "nar", "2024-03-25..2024-03-31").write();
        RunReport grown = run(settings, AS_OF.plusDays(1));
        assertThat(grown.cases().reopened()).isEqualTo(1);
        long second = cases(settings).caseOf(Long.parseLong(RING)).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(column("SELECT reopens::text FROM clone_case WHERE id = ?", second)).containsExactly(String.valueOf(first));
        assertThat(column("SELECT action FROM audit_log WHERE subject = ? ORDER BY id", "imei:" + RING))
                .containsExactly("CASE_OPENED", "CASE_DISMISSED", "CASE_REOPENED");
    }

    @Test
    void run_expiresAnOpenCaseThatStoppedButNeverLiftsAConfirmedOne() {
        DetectSettings settings = settings(0, 0.05);
        String other = "35209900176152";
        for (int phone = 0; phone < 3; phone++) {
            fixture.seen(other, "40001000000010" + phone, "99450100010" + phone, "azercell", "2024-01-05..2024-03-30");
        }
        fixture.write();
        run(settings, AS_OF);
        cases(settings).confirm(cases(settings).caseOf(Long.parseLong(RING)).orElseThrow(), "alice", "ring");

        // 95 days later neither ring is in the window any more
        RunReport later = run(settings, AS_OF.plusDays(95));

        assertThat(later.cases().expired()).isEqualTo(1);
        assertThat(column("SELECT status FROM clone_case WHERE imei = ?", Long.parseLong(other))).containsExactly("EXPIRED");
        assertThat(column("SELECT status FROM device_status WHERE imei = ?", Long.parseLong(other))).isEmpty();
        assertThat(column("SELECT status FROM device_status WHERE imei = ?", Long.parseLong(RING))).containsExactly("CLONE");
        assertThat(column("SELECT end_date::text FROM classification_state WHERE imei = ?", Long.parseLong(RING)))
                .containsExactly("2024-07-03");
    }

    @Test
    void lift_removesCloneAndItsPairings() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);
        long id = cases(settings).caseOf(Long.parseLong(RING)).orElseThrow();
        cases(settings).confirm(id, "alice", "ring");

        CloneCases.Decision lifted = cases(settings).lift(id, "carol", "appeal: the owner's phones, proven");

        assertThat(lifted.pairingsChanged()).isEqualTo(4);
        assertThat(column("SELECT status FROM device_status WHERE imei = ?", Long.parseLong(RING))).isEmpty();
        assertThat(column("SELECT count(*) FROM pairing WHERE imei = ? AND removed_at IS NULL", Long.parseLong(RING)))
                .containsExactly("0");
        assertThatThrownBy(() -> cases(settings).lift(id, "carol", "again"))
                .hasMessageContaining("is LIFTED; only an CONFIRMED case can be lifted");
        assertThat(run(settings, AS_OF).cases().stillDismissed()).as("the same SIMs do not re-open it").isEqualTo(1);
    }

    @Test
    void run_autoConfirmsAboveTheScore() {
        RunReport report = run(settings(100, 0.05), AS_OF);

        assertThat(report.cases().autoConfirmed()).isEqualTo(1);
        assertThat(column("SELECT status FROM device_status WHERE imei = ?", Long.parseLong(RING))).containsExactly("CLONE");
        assertThat(column("SELECT count(*) FROM pairing WHERE imei = ?", Long.parseLong(RING))).containsExactly("4");
    }

    @Test
    void run_overTheMatchingRatioDiscardsTheConditionAndFails() {
        RunReport report = run(settings(0, 0.005), AS_OF);

        assertThat(report.failure()).hasValueSatisfying(f -> assertThat(f)
                .contains("condition clone matched 1 of 84 IMEIs (1.19%), above its max_allowed_matching_ratio of 0.50%"));
        assertThat(report.conditions().get(0).discarded()).isTrue();
        assertThat(column("SELECT count(*) FROM clone_case")).containsExactly("0");
        assertThat(column("SELECT status FROM detection_run")).containsExactly("FAILED");
    }

    @Test
    void run_beforeTheLastRunIsRefused() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);

        assertThatThrownBy(() -> run(settings, AS_OF.minusDays(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("as-of 2024-03-29 is before the last run's (2024-03-30): detection moves forward in time;"
                        + " give --as-of 2024-03-30 or later");
    }

    @Test
    void render_showsSimsSideBySideForTheRing() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);

        String text = ImeiReport.render(database, COUNTRY, settings, Imei.ofKey(Long.parseLong(RING)), Optional.empty());

        assertThat(text).contains("case 1 OPEN").contains("most IMSIs/day  4 (first on 2024-01-05)")
                .contains("400010000000000  994501000000     azercell         2024-01-05 2024-03-30    86")
                .contains("IMSIs that day   ....4444");
        String swap = ImeiReport.render(database, COUNTRY, settings, Imei.ofKey(Long.parseLong(SWAP)), Optional.empty());
        assertThat(swap).contains("cases           none").contains("switches        0 returns");
    }

    @Test
    void search_filtersAndSortsWithOpenCasesFirst() {
        DetectSettings settings = settings(0, 0.05);
        fixture.seen("35209900176152", "400010000000040", "994501000040", "azercell", "2024-03-20..2024-03-30")
                .seen("35209900176152", "400010000000041", "994501000041", "azercell", "2024-03-20..2024-03-30")
                .seen("35209900176152", "400010000000042", "994501000042", "azercell", "2024-03-20..2024-03-30")
                .write();
        run(settings, AS_OF);
        CloneCases cases = cases(settings);
        long small = cases.caseOf(35209900176152L).orElseThrow();
        cases.dismiss(small, "bob", "three SIMs of one family, checked");

        CloneCases.CasePage all = cases.search(new CloneCases.CaseQuery("all", Optional.empty(),
                java.util.OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                CloneCases.Sort.SCORE_ASC, 10, 0));
        CloneCases.CasePage bigOnes = cases.search(new CloneCases.CaseQuery("ALL", Optional.of("clone"),
                java.util.OptionalDouble.of(20), Optional.empty(), Optional.empty(), Optional.empty(),
                CloneCases.Sort.SCORE_DESC, 10, 0));
        CloneCases.CasePage byTac = cases.search(new CloneCases.CaseQuery("ALL", Optional.empty(),
                java.util.OptionalDouble.empty(), Optional.of("352099001761522"), Optional.empty(), Optional.empty(),
                CloneCases.Sort.OPENED_DESC, 10, 0));

        assertThat(all.total()).isEqualTo(2);
        assertThat(all.cases()).extracting(CloneCases.CaseSummary::status).containsExactly("OPEN", "DISMISSED");
        assertThat(bigOnes.cases()).extracting(CloneCases.CaseSummary::imei).containsExactly(RING);
        assertThat(byTac.cases()).extracting(CloneCases.CaseSummary::id).containsExactly(small);
        assertThat(cases.countsByStatus()).containsEntry("OPEN", 1L).containsEntry("DISMISSED", 1L)
                .containsEntry("CONFIRMED", 0L);
        assertThat(cases.conditions()).containsExactly("clone");
        assertThatThrownBy(() -> new CloneCases.CaseQuery("ALL", Optional.empty(), java.util.OptionalDouble.empty(),
                Optional.of("35%"), Optional.empty(), Optional.empty(), CloneCases.Sort.SCORE_DESC, 10, 0))
                .hasMessageContaining("the first digits of an IMEI");
    }

    @Test
    void details_keepTheEvidenceOfOpeningAndOfTheDecision() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);
        CloneCases cases = cases(settings);
        long id = cases.caseOf(Long.parseLong(RING)).orElseThrow();
        cases.confirm(id, "alice", "four phones at once");

        CloneCases.CaseDetails details = cases.details(id).orElseThrow();

        assertThat(details.summary().status()).isEqualTo("CONFIRMED");
        assertThat(details.evidenceAtOpen().peakImsis()).isEqualTo(4);
        assertThat(details.evidenceAtOpen().sims()).hasSize(4);
        assertThat(details.evidenceAtDecision().orElseThrow().sims().get(0).pattern()).hasSize(90);
        assertThat(details.imsis()).hasSize(4);
        assertThat(cases.details(999)).isEmpty();
    }

    @Test
    void dossier_holdsStatusesPairingsCasesAndTheEvidence() {
        DetectSettings settings = settings(0, 0.05);
        run(settings, AS_OF);
        CloneCases cases = cases(settings);
        cases.confirm(cases.caseOf(Long.parseLong(RING)).orElseThrow(), "alice", "four phones at once");

        ImeiReport.Dossier ring = ImeiReport.dossier(database, COUNTRY, settings, Imei.ofKey(Long.parseLong(RING)),
                Optional.empty());
        ImeiReport.Dossier unseen = ImeiReport.dossier(database, COUNTRY, settings, Imei.ofKey(35209900176199L),
                Optional.empty());

        assertThat(ring.statuses()).extracting(ImeiReport.Status::status).containsExactly("CLONE");
        assertThat(ring.pairings()).hasSize(4).allMatch(ImeiReport.Pairing::active);
        assertThat(ring.cases()).extracting(CloneCases.CaseSummary::status).containsExactly("CONFIRMED");
        assertThat(ring.conditions()).extracting(ImeiReport.ConditionState::condition).containsExactly("clone");
        assertThat(ring.firstSeen()).contains(LocalDate.parse("2024-01-05"));
        assertThat(ring.lastSeen()).contains(LocalDate.parse("2024-03-30")); // from the triplets
        assertThat(ring.asOf()).contains(AS_OF);
        assertThat(ring.evidence().orElseThrow().imsisPerDay()).hasSize(90);
        assertThat(unseen.evidence()).isEmpty();
        assertThat(unseen.firstSeen()).isEmpty();
        assertThat(unseen.lastSeen()).isEmpty();
    }
}
