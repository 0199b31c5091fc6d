package org.ceir.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.identity.Imsi;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListExporterTest {
    private static final Country COUNTRY = Country.azerbaijan();
    private static final EirSettings EIR = EirSettings.defaults();
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path temp;

    private Database database;
    private ListExporter exporter;
    private ListRuns runs;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        exporter = new ListExporter(database, EIR, COUNTRY, new ListsSettings("lists", 0, 3, 10, 1),
                temp.resolve("managed"), CLOCK);
        runs = new ListRuns(database);
        today = LocalDate.now(CLOCK.withZone(EIR.zone()));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void export_listsSayWhatTheEngineSaysOnARandomRegister() throws IOException {
        RandomRegister register = new RandomRegister(7, today).fill(database, 3_000);

        ListExporter.Result result = export("first", Optional.empty());

        long[] keys = register.imeis.stream().mapToLong(Long::longValue).toArray();
        try (CheckEngine engine = CheckEngine.lookup(database, EIR, COUNTRY, keys)) {
            Set<String> blacklisted = new TreeSet<>();
            Set<String> inGrace = new TreeSet<>();
            for (long key : keys) {
                String imei = imei(key);
                int verdict = engine.check(imei, null, null, null);
                if (Verdict.outcome(verdict) == Outcome.BLACKLISTED) {
                    blacklisted.add(imei);
                }
                if (Verdict.reason(verdict) == CheckReason.UNREGISTERED_GRACE) {
                    inGrace.add(imei);
                }
            }
            Path dir = result.run().outputDir().orElseThrow();
            assertThat(column(dir.resolve("blacklist.csv"), 0)).containsExactlyElementsOf(blacklisted);
            Set<String> notified = new TreeSet<>();
            for (String operator : List.of("azercell", "bakcell", "nar")) {
                notified.addAll(column(dir.resolve("notifications_" + operator + ".csv"), 0));
            }
            assertThat(notified).containsExactlyElementsOf(inGrace);
            assertThat(blacklisted).isNotEmpty();
            assertThat(inGrace).isNotEmpty();

            // Every exception row is a SIM the engine lets through on a blacklisted IMEI.
            for (String operator : List.of("azercell", "bakcell", "nar")) {
                for (String[] row : rows(dir.resolve("exceptions_" + operator + ".csv"))) {
                    assertThat(blacklisted).contains(row[0]);
                    int verdict = engine.check(row[0], row[1].isEmpty() ? null : row[1], row[2].isEmpty() ? null : row[2], null);
                    assertThat(Verdict.outcome(verdict)).as("exception %s", String.join(",", row))
                            .isNotEqualTo(Outcome.BLACKLISTED);
                }
            }
        }
    }

    @Test
    void export_exceptionsListLoadedBackHoldsEveryPairingTheEngineAllows() throws Exception {
        new RandomRegister(11, today).fill(database, 2_000);

        Path dir = export("first", Optional.empty()).run().outputDir().orElseThrow();

        Map<String, Set<String>> loaded = new HashMap<>();
        for (String operator : List.of("azercell", "bakcell", "nar")) {
            Set<String> rows = new HashSet<>();
            for (String[] row : rows(dir.resolve("exceptions_" + operator + ".csv"))) {
                rows.add(String.join(",", row));
            }
            loaded.put(operator, rows);
        }
        NumberingPlan plan = new NumberingPlan(COUNTRY);
        List<String[]> pairings = new ArrayList<>();
        database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT p.imei, p.imsi, p.msisdn FROM pairing p JOIN device_status s ON s.imei = p.imei"
                            + " AND s.status = 'CLONE' WHERE p.removed_at IS NULL");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairings.add(new String[] {imei(rows.getLong(1)), rows.getString(2), rows.getString(3)});
                }
            }
            return null;
        });
        int checked = 0;
        Set<String> blacklist = new HashSet<>(column(dir.resolve("blacklist.csv"), 0));
        try (CheckEngine engine = CheckEngine.lookup(database, EIR, COUNTRY,
                pairings.stream().mapToLong(p -> Long.parseLong(p[0])).toArray())) {
            for (String[] pairing : pairings) {
                int verdict = engine.check(pairing[0], pairing[1], pairing[2], null);
                if (!blacklist.contains(pairing[0]) || Verdict.outcome(verdict) == Outcome.BLACKLISTED) {
                    continue; // a stolen clone: its pairings let nothing through, so it has no exceptions
                }
                String row = pairing[0] + "," + (pairing[1] == null ? "" : pairing[1]) + ","
                        + (pairing[2] == null ? "" : pairing[2]);
                List<String> operators = pairing[1] != null && pairing[1].startsWith("400")
                        ? List.of(plan.operatorOf(new Imsi(pairing[1])).orElseThrow().code())
                        : List.of("azercell", "bakcell", "nar");
                for (String operator : operators) {
                    assertThat(loaded.get(operator)).as("pairing %s for %s", row, operator).contains(row);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void export_sameStateGivesTheSameBytesAndEmptyDeltas() throws IOException {
        new RandomRegister(3, today).fill(database, 1_500);
        Path first = export("first", Optional.empty()).run().outputDir().orElseThrow();

        ListRun second = export("second", Optional.empty()).run();

        Path dir = second.outputDir().orElseThrow();
        for (ListFile file : second.files()) {
            if (file.delta()) {
                assertThat(file.rows()).as(file.name()).isZero();
            } else {
                assertThat(Files.readAllBytes(dir.resolve(file.name()))).as(file.name())
                        .isEqualTo(Files.readAllBytes(first.resolve(file.name())));
            }
        }
        assertThat(second.baseRun()).isPresent();
    }

    @Test
    void export_deltaSaysAddedRemovedAndChanged() throws IOException {
        RandomRegister register = new RandomRegister(5, today).fill(database, 1_500);
        ListRun first = export("first", Optional.empty()).run();
        List<String> blacklist = column(first.outputDir().orElseThrow().resolve("blacklist.csv"), 0);
        List<String[]> rows = rows(first.outputDir().orElseThrow().resolve("blacklist.csv"));
        List<String[]> expired = rows.stream().filter(r -> r[2].equals("NOT_REGISTERED")).limit(2).toList();
        long fresh = register.imeis.stream().filter(k -> !blacklist.contains(imei(k))
                && k / 1_000_000 < 35_000_000 + RandomRegister.CATALOGUE_TACS).findFirst().orElseThrow();
        database.transaction(connection -> {
            // registered: removed; reported stolen: changed (its reason); a listed-fine IMEI stolen: added
            RandomRegister.execute(connection, "INSERT INTO registration (reference, kind, status, created_by)"
                    + " VALUES ('R-delta', 'IMPORTED', 'ACTIVE', 'test')");
            RandomRegister.execute(connection, "INSERT INTO registration_imei (registration_id, imei)"
                    + " SELECT id, ? FROM registration WHERE reference = 'R-delta'", Long.parseLong(expired.get(0)[0]));
            RandomRegister.execute(connection, "INSERT INTO device_status (imei, status, reason, set_by) VALUES"
                    + " (?, 'STOLEN', 'test', 'test')", Long.parseLong(expired.get(1)[0]));
            RandomRegister.execute(connection, "INSERT INTO device_status (imei, status, reason, set_by) VALUES"
                    + " (?, 'STOLEN', 'test', 'test') ON CONFLICT DO NOTHING", fresh);
            return null;
        });

        ListRun second = export("second", Optional.empty()).run();

        List<String[]> delta = rows(second.outputDir().orElseThrow().resolve("blacklist_delta.csv"));
        assertThat(delta).extracting(r -> r[0] + " " + r[3]).containsExactlyInAnyOrder(expired.get(0)[0] + " removed",
                expired.get(1)[0] + " changed", imei(fresh) + " added");
        assertThat(second.file("blacklist_delta.csv").orElseThrow().rows()).isEqualTo(delta.size());
        assertThat(second.counts().get("blacklist.csv")).containsEntry("removed", 1L);
    }

    @Test
    void write_rebuildsAnyKeptRunsFilesByteForByte() throws IOException {
        new RandomRegister(9, today).fill(database, 1_000);
        ListRun first = export("first", Optional.empty()).run();
        database.transaction(connection -> {
            RandomRegister.execute(connection, "DELETE FROM device_status WHERE status = 'STOLEN'");
            return null;
        });
        ListRun second = export("second", Optional.empty()).run();

        for (ListRun run : List.of(first, second)) {
            for (ListFile file : run.files()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ListFile rebuilt = runs.write(run.id(), file.name(), Optional.empty(), out);
                assertThat(rebuilt.sha256()).as("run %d %s", run.id(), file.name()).isEqualTo(file.sha256());
                assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(run.outputDir().orElseThrow().resolve(file.name())));
            }
        }
        ByteArrayOutputStream sinceNothing = new ByteArrayOutputStream();
        ListFile whole = runs.write(second.id(), "blacklist_delta.csv", Optional.empty(), sinceNothing);
        assertThat(whole.rows()).isPositive();
    }

    @Test
    void export_keepsTheNewestRunsAndRefusesPrunedBases() {
        new RandomRegister(1, today).fill(database, 300);
        long first = export("1", Optional.empty()).run().id();
        exporter.exportScheduled(line -> { });
        exporter.exportScheduled(line -> { });
        ListExporter.Result fourth = exporter.exportScheduled(line -> { });

        assertThat(runs.find(first).orElseThrow().pruned()).isPresent();
        assertThat(fourth.run().outputDir().orElseThrow()).exists();
        assertThatThrownBy(() -> export("5", Optional.of(first)))
                .isInstanceOf(ListsException.class).hasMessageContaining("older than the runs kept");
        assertThatThrownBy(() -> runs.write(first, "blacklist.csv", Optional.empty(), new ByteArrayOutputStream()))
                .isInstanceOf(ListsException.class);
    }

    @Test
    void export_refusesAFolderWithOtherFiles() throws IOException {
        Path dir = temp.resolve("busy");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> exporter.export(new ListExporter.Request(dir, Optional.empty(), "COMMAND", "test", false),
                line -> { })).isInstanceOf(ListsException.class).hasMessageContaining("not empty");
        assertThat(runs.history(10)).isEmpty();
    }

    private ListExporter.Result export(String name, Optional<Long> base) {
        return exporter.export(new ListExporter.Request(temp.resolve(name), base, "COMMAND", "test", false), line -> { });
    }

    private static String imei(long key) {
        return String.format("%014d", key);
    }

    private static List<String> column(Path file, int column) throws IOException {
        return rows(file).stream().map(r -> r[column]).toList();
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
