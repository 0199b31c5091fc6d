package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.core.check.CheckHealth;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.Verdict;
import org.ceir.core.country.Country;
import org.ceir.store.Database;
import org.ceir.store.Operators;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on a real PostgreSQL: loading, the change feed, first sightings, counters, outages. */
class CheckEngineTest {
    private static final String HOME_IMSI = "400011234567890";
    private static final String OTHER_IMSI = "400029876543210";

    private Database database;
    private SimpleMeterRegistry meters;
    private CheckEngine engine;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = TestDatabase.create();
        database.transaction(connection -> Operators.sync(connection, Country.azerbaijan()));
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        database.close();
    }

    @Test
    void start_loadsTheRegisterWithProgress() {
        LocalDate today = LocalDate.now(EirSettings.defaults().zone());
        database.transaction(connection -> {
            RegisterRows.status(connection, 35209900000001L, "STOLEN");
            RegisterRows.status(connection, 35209900000002L, "CLONE");
            RegisterRows.pair(connection, 35209900000002L, HOME_IMSI, null);
            RegisterRows.register(connection, 35209900000003L);
            RegisterRows.status(connection, 35209900000004L, "EXEMPT");
            RegisterRows.seen(connection, 35209900000005L, today.minusDays(10), null);
            RegisterRows.seen(connection, 35209900000006L, today.minusDays(40), null);
            return null;
        });
        engine = start();

        assertThat(check("35209900000001", HOME_IMSI)).isEqualTo("BLACKLISTED STOLEN");
        assertThat(check("35209900000002", HOME_IMSI)).isEqualTo("WHITELISTED CLONE_PAIRED_SIM");
        assertThat(check("35209900000002", OTHER_IMSI)).isEqualTo("BLACKLISTED CLONE_UNPAIRED_SIM");
        assertThat(check("35209900000003", HOME_IMSI)).isEqualTo("WHITELISTED REGISTERED");
        assertThat(check("35209900000004", HOME_IMSI)).isEqualTo("WHITELISTED EXEMPT_LISTED");
        assertThat(check("35209900000005", HOME_IMSI)).isEqualTo("GREYLISTED UNREGISTERED_GRACE (20 days left)");
        assertThat(check("35209900000006", HOME_IMSI)).isEqualTo("BLACKLISTED UNREGISTERED_EXPIRED");
        assertThat(progress)
                .anyMatch(line -> line.startsWith("loading the register: 2 IMEIs seen on networks, 4 more only listed"))
                .anyMatch(line -> line.startsWith("register loaded in"));
    }

    @Test
    void describe_saysWhatTheRegisterKnows() {
        LocalDate firstSeen = LocalDate.of(2026, 1, 10);
        database.transaction(connection -> {
            RegisterRows.status(connection, 35209900000011L, "CLONE");
            RegisterRows.pair(connection, 35209900000011L, HOME_IMSI, null);
            RegisterRows.pair(connection, 35209900000011L, OTHER_IMSI, null);
            RegisterRows.seen(connection, 35209900000011L, firstSeen, null);
            return null;
        });
        engine = start();
        DeviceState state = engine.describe(35209900000011L);
        assertThat(state).isEqualTo(new DeviceState(35209900000011L, false, true, false, false, false, 2,
                Optional.of(firstSeen), Optional.of(firstSeen.plusDays(29))));
        assertThat(engine.describe(35209900000099L)).isEqualTo(new DeviceState(35209900000099L, false, false, false,
                false, false, 0, Optional.empty(), Optional.empty()));
    }

    @Test
    void statusChange_isAppliedWithoutARestart() {
        engine = start();
        assertThat(check("35209900000021", HOME_IMSI)).startsWith("GREYLISTED FIRST_SEEN");
        database.transaction(connection -> {
            RegisterRows.status(connection, 35209900000021L, "STOLEN");
            return null;
        });
        Eventually.until("the theft is seen", () -> check("35209900000021", HOME_IMSI).equals("BLACKLISTED STOLEN"));
        database.transaction(connection -> {
            RegisterRows.clearStatus(connection, 35209900000021L, "STOLEN");
            return null;
        });
        Eventually.until("the theft is lifted", () -> !check("35209900000021", HOME_IMSI).startsWith("BLACKLISTED"));
    }

    @Test
    void pairingChanges_areApplied() {
        database.transaction(connection -> {
            RegisterRows.status(connection, 35209900000031L, "CLONE");
            RegisterRows.pair(connection, 35209900000031L, HOME_IMSI, null);
            return null;
        });
        engine = start();
        assertThat(check("35209900000031", OTHER_IMSI)).isEqualTo("BLACKLISTED CLONE_UNPAIRED_SIM");
        database.transaction(connection -> {
            RegisterRows.pair(connection, 35209900000031L, OTHER_IMSI, null); // a number change, approved
            RegisterRows.unpair(connection, 35209900000031L, HOME_IMSI);
            return null;
        });
        Eventually.until("the new SIM is paired",
                () -> check("35209900000031", OTHER_IMSI).equals("WHITELISTED CLONE_PAIRED_SIM"));
        assertThat(check("35209900000031", HOME_IMSI)).isEqualTo("BLACKLISTED CLONE_UNPAIRED_SIM");
        assertThat(engine.describe(35209900000031L).pairedSims()).isEqualTo(1);
    }

    @Test
    void pairingRowDeleted_isUnpairedToo() {
        database.transaction(connection -> {
            RegisterRows.status(connection, 35209900000032L, "CLONE");
            RegisterRows.pair(connection, 35209900000032L, HOME_IMSI, null);
            return null;
        });
        engine = start();
        database.transaction(connection -> {
            try (Statement delete = connection.createStatement()) {
                delete.executeUpdate("DELETE FROM pairing WHERE imei = 35209900000032");
            }
            org.ceir.store.ChangeLog.append(connection, 35209900000032L, "UNPAIRED", null);
            return null;
        });
        Eventually.until("the deleted pairing is gone",
                () -> check("35209900000032", HOME_IMSI).equals("BLACKLISTED CLONE_UNPAIRED_SIM"));
    }

    @Test
    void registrationCancelled_isApplied() {
        long[] registration = new long[1];
        database.transaction(connection -> {
            registration[0] = RegisterRows.register(connection, 35209900000041L);
            RegisterRows.seen(connection, 35209900000041L, LocalDate.of(2020, 1, 1), null);
            return null;
        });
        engine = start();
        assertThat(check("35209900000041", HOME_IMSI)).isEqualTo("WHITELISTED REGISTERED");
        database.transaction(connection -> {
            RegisterRows.cancelRegistration(connection, registration[0], 35209900000041L);
            return null;
        });
        Eventually.until("the cancellation is seen",
                () -> check("35209900000041", HOME_IMSI).equals("BLACKLISTED UNREGISTERED_EXPIRED"));
    }

    /** Ids are taken before commit: a change with a lower id that commits later must not be skipped. */
    @Test
    void changeFeed_lowerIdCommittingAfterAHigherOneIsApplied() throws Exception {
        engine = start();
        try (Connection slow = database.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            RegisterRows.status(slow, 35209900000051L, "STOLEN"); // takes the lower id, not committed yet
            database.transaction(connection -> {
                RegisterRows.status(connection, 35209900000052L, "STOLEN");
                return null;
            });
            Eventually.until("the later change is seen", () -> check("35209900000052", HOME_IMSI).equals("BLACKLISTED STOLEN"));
            assertThat(lowestChangeId(slow)).as("the uncommitted change has the lower id").isLessThan(highestCommittedId());
            engine.awaitApplied();
            assertThat(check("35209900000051", HOME_IMSI)).startsWith("GREYLISTED");
            slow.commit();
        }
        Eventually.until("the earlier change, committed last, is seen",
                () -> check("35209900000051", HOME_IMSI).equals("BLACKLISTED STOLEN"));
    }

    @Test
    void networkImport_reloadsTheFirstSightingsItMarked() {
        engine = start();
        LocalDate today = engine.today();
        assertThat(check("35209900000061", HOME_IMSI)).startsWith("GREYLISTED FIRST_SEEN");
        database.transaction(connection -> {
            RegisterRows.seen(connection, 35209900000061L, today.minusDays(45), 7L);
            RegisterRows.seen(connection, 35209900000062L, today.minusDays(5), 7L);
            RegisterRows.networkImport(connection, 7);
            return null;
        });
        Eventually.until("the import's first sightings are seen",
                () -> check("35209900000061", HOME_IMSI).equals("BLACKLISTED UNREGISTERED_EXPIRED"));
        assertThat(check("35209900000062", HOME_IMSI)).isEqualTo("GREYLISTED UNREGISTERED_GRACE (25 days left)");
    }

    @Test
    void tacImport_reloadsTheCatalogue() {
        engine = start();
        assertThat(check("35209900000071", HOME_IMSI)).startsWith("GREYLISTED FIRST_SEEN");
        database.transaction(connection -> {
            RegisterRows.tac(connection, 11111111, "Smartphone");
            RegisterRows.tacImport(connection);
            return null;
        });
        Eventually.until("the catalogue is loaded",
                () -> check("35209900000071", HOME_IMSI).equals("GREYLISTED UNALLOCATED_TAC"));
        assertThat(check("11111111000001", HOME_IMSI)).startsWith("GREYLISTED FIRST_SEEN");
    }

    @Test
    void exemptDeviceType_fromTheLoadedCatalogue() {
        database.transaction(connection -> {
            RegisterRows.tac(connection, 35209900, "IoT Device");
            RegisterRows.seen(connection, 35209900000081L, LocalDate.of(2020, 1, 1), null);
            return null;
        });
        EirSettings settings = new EirSettings(30, "Asia/Baku", org.ceir.core.check.Outcome.GREYLISTED,
                org.ceir.core.check.Outcome.GREYLISTED, org.ceir.core.check.Outcome.BLACKLISTED,
                org.ceir.core.check.Outcome.GREYLISTED, org.ceir.core.check.Outcome.BLACKLISTED, true,
                List.of("iot device"), 250, true, 5);
        engine = CheckEngine.start(database, settings, Country.azerbaijan(), meters, progress::add);
        assertThat(check("35209900000081", HOME_IMSI)).isEqualTo("WHITELISTED EXEMPT_DEVICE_TYPE");
    }

    @Test
    void neverSeen_isRecordedAsFirstSeenTodayAndWrittenInABatch() throws Exception {
        engine = start();
        assertThat(check("35209900000091", HOME_IMSI)).isEqualTo("GREYLISTED FIRST_SEEN");
        assertThat(check("35209900000092", HOME_IMSI)).isEqualTo("GREYLISTED FIRST_SEEN");
        engine.flush();
        assertThat(check("35209900000091", HOME_IMSI)).isEqualTo("GREYLISTED UNREGISTERED_GRACE (30 days left)");
        List<String> rows = database.transaction(connection -> {
            List<String> found = new ArrayList<>();
            try (Statement query = connection.createStatement();
                 ResultSet result = query.executeQuery("SELECT n.imei, n.first_seen, n.first_seen_source,"
                         + " (SELECT count(*) FROM change_log c WHERE c.imei = n.imei AND c.change = 'FIRST_SEEN')"
                         + " FROM network_imei n ORDER BY n.imei")) {
                while (result.next()) {
                    found.add(result.getLong(1) + " " + result.getObject(2, LocalDate.class) + " " + result.getString(3)
                            + " " + result.getLong(4));
                }
            }
            return found;
        });
        assertThat(rows).containsExactly("35209900000091 " + engine.today() + " CHECK 1",
                "35209900000092 " + engine.today() + " CHECK 1");
    }

    @Test
    void neverSeen_alreadyImportedKeepsTheImportsDay() throws Exception {
        engine = start();
        assertThat(check("35209900000093", HOME_IMSI)).isEqualTo("GREYLISTED FIRST_SEEN");
        database.transaction(connection -> {
            RegisterRows.seen(connection, 35209900000093L, engine.today().minusDays(3), null); // no change row yet
            return null;
        });
        engine.flush();
        database.transaction(connection -> {
            RegisterRows.seen(connection, 35209900000093L, engine.today().minusDays(3), 9L);
            RegisterRows.networkImport(connection, 9);
            return null;
        });
        Eventually.until("the import's earlier day wins",
                () -> check("35209900000093", HOME_IMSI).equals("GREYLISTED UNREGISTERED_GRACE (27 days left)"));
    }

    @Test
    void counters_areWrittenByDayOperatorOutcomeAndReasonAndAddUp() throws Exception {
        database.transaction(connection -> {
            RegisterRows.status(connection, 35209900000101L, "CLONE");
            RegisterRows.pair(connection, 35209900000101L, HOME_IMSI, null);
            return null;
        });
        engine = start();
        for (int i = 0; i < 3; i++) {
            engine.check("35209900000101", OTHER_IMSI, null, "azercell");
        }
        engine.check("35209900000101", HOME_IMSI, null, "azercell");
        engine.check("35209900000101", OTHER_IMSI, null, "bakcell");
        engine.check("35209900000101", OTHER_IMSI, null, null);
        engine.check("35209900000101", OTHER_IMSI, null, "unknown-operator");
        engine.flush();
        engine.check("35209900000101", OTHER_IMSI, null, "azercell");
        engine.flush();
        engine.flush(); // nothing new: adds nothing

        assertThat(counterRows()).containsExactlyInAnyOrder(
                engine.today() + " azercell BLACKLISTED CLONE_UNPAIRED_SIM 4",
                engine.today() + " azercell WHITELISTED CLONE_PAIRED_SIM 1",
                engine.today() + " bakcell BLACKLISTED CLONE_UNPAIRED_SIM 1",
                engine.today() + " - BLACKLISTED CLONE_UNPAIRED_SIM 2");
        assertThat(meters.get("ceir.eir.checks").tag("reason", "CLONE_UNPAIRED_SIM").functionCounter().count())
                .isEqualTo(7);
        assertThat(meters.get("ceir.eir.checks").tag("reason", "CLONE_PAIRED_SIM").tag("outcome", "WHITELISTED")
                .functionCounter().count()).isEqualTo(1);
    }

    @Test
    void counters_aCheckCountsOnItsDayInTheRegistersTimeZone() throws Exception {
        // 23:30 in Baku (UTC+4) is 19:30 UTC: half an hour later it is the next day in Baku.
        MutableClock clock = new MutableClock(Instant.parse("2026-05-25T19:30:00Z"));
        engine = CheckEngine.start(database, EirSettings.defaults(), Country.azerbaijan(), meters, progress::add, clock);
        engine.check("35209900000141", HOME_IMSI, null, "nar");
        engine.awaitApplied(); // the writer has put the first sighting in
        clock.advance(Duration.ofMinutes(45));
        engine.awaitApplied(); // the writer's next tick has moved the day on
        engine.check("35209900000142", HOME_IMSI, null, "nar");
        engine.check("35209900000141", HOME_IMSI, null, "nar");
        engine.flush();
        assertThat(counterRows()).containsExactlyInAnyOrder(
                "2026-05-25 nar GREYLISTED FIRST_SEEN 1",
                "2026-05-26 nar GREYLISTED FIRST_SEEN 1",
                "2026-05-26 nar GREYLISTED UNREGISTERED_GRACE 1");
        assertThat(engine.describe(35209900000141L).firstSeen()).contains(LocalDate.of(2026, 5, 25));
        assertThat(engine.describe(35209900000141L).graceEnds()).contains(LocalDate.of(2026, 6, 23));
    }

    @Test
    void close_writesTheLastCounts() {
        engine = start();
        engine.check("35209900000111", HOME_IMSI, null, "nar");
        engine.close();
        engine = null;
        assertThat(counterRows()).hasSize(1).first().asString().endsWith(" nar GREYLISTED FIRST_SEEN 1");
    }

    @Test
    void databaseAway_answersFromTheSnapshotReportsDegradedAndCatchesUp() throws Exception {
        database.transaction(connection -> {
            RegisterRows.register(connection, 35209900000121L);
            return null;
        });
        engine = start();
        assertThat(engine.health().status()).isEqualTo(CheckHealth.Status.UP);
        String url = ((HikariDataSource) database.dataSource()).getJdbcUrl();
        try (Connection admin = DriverManager.getConnection(url.replaceFirst("/test_[0-9_]+", "/postgres"));
             Connection held = DriverManager.getConnection(url);
             Statement statement = admin.createStatement()) {
            String name = currentDatabase(held);
            // The outage: no new connections, and every one but ours is cut.
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                    + "' AND pid <> " + backendPid(held));
            Eventually.until("the engine notices", () -> engine.health().status() == CheckHealth.Status.DEGRADED);
            assertThat(engine.health().detail()).contains("database unreachable since").contains("answering from the snapshot");
            assertThat(meters.get("ceir.eir.database.connected").gauge().value()).isZero();

            assertThat(check("35209900000121", HOME_IMSI)).isEqualTo("WHITELISTED REGISTERED");
            held.setAutoCommit(false);
            RegisterRows.status(held, 35209900000121L, "STOLEN"); // committed while the engine cannot see it
            held.commit();
            assertThat(check("35209900000121", HOME_IMSI)).as("still the snapshot").isEqualTo("WHITELISTED REGISTERED");

            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }
        Eventually.until("the engine catches up", () -> check("35209900000121", HOME_IMSI).equals("BLACKLISTED STOLEN"));
        Eventually.until("health is back", () -> engine.health().status() == CheckHealth.Status.UP);
    }

    @Test
    void lookup_readsOnlyTheAskedImeisAndCountsNothing() {
        database.transaction(connection -> {
            RegisterRows.status(connection, 35209900000131L, "STOLEN");
            RegisterRows.status(connection, 35209900000132L, "STOLEN");
            return null;
        });
        try (CheckEngine lookup = CheckEngine.lookup(database, EirSettings.defaults(), Country.azerbaijan(),
                35209900000131L)) {
            assertThat(Verdict.toString(lookup.check("35209900000131", HOME_IMSI, null, "azercell")))
                    .isEqualTo("BLACKLISTED STOLEN");
            assertThat(Verdict.toString(lookup.check("35209900000132", HOME_IMSI, null, "azercell")))
                    .as("not asked for, so not loaded").isEqualTo("GREYLISTED FIRST_SEEN");
            lookup.flush();
        }
        assertThat(counterRows()).isEmpty();
        long seen = database.transaction(connection -> count(connection, "SELECT count(*) FROM network_imei"));
        assertThat(seen).isZero();
    }

    private CheckEngine start() {
        return CheckEngine.start(database, EirSettings.defaults(), Country.azerbaijan(), meters, progress::add);
    }

    private String check(String imei, String imsi) {
        return Verdict.toString(engine.check(imei, imsi, null, "azercell"));
    }

    private List<String> counterRows() {
        return database.transaction(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement query = connection.createStatement();
                 ResultSet result = query.executeQuery("SELECT c.day, coalesce(o.code, '-'), c.outcome, c.reason, c.checks"
                         + " FROM check_counter c LEFT JOIN operator o ON o.id = c.operator_id")) {
                while (result.next()) {
                    rows.add(result.getObject(1, LocalDate.class) + " " + result.getString(2) + " "
                            + result.getString(3) + " " + result.getString(4) + " " + result.getLong(5));
                }
            }
            return rows;
        });
    }

    private long lowestChangeId(Connection connection) throws SQLException {
        return count(connection, "SELECT min(id) FROM change_log WHERE imei = 35209900000051");
    }

    private long highestCommittedId() {
        return database.transaction(connection -> count(connection, "SELECT max(id) FROM change_log"));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        return count(connection, "SELECT pg_backend_pid()");
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }
}
