package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.app.Ceir;
import org.ceir.app.CheckService;
import org.ceir.app.config.Settings;
import org.ceir.store.ChangeLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceir check} on an embedded database holding a small register. */
class CheckCommandTest {
    private static final String CLONE = "35209900176148";
    private static final String PAIRED_IMSI = "400011234567890";
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path home;
    private static Ceir ceir;

    @BeforeAll
    static void register() throws Exception {
        Cli.home(home);
        ceir = new Ceir(home, Settings.load(Optional.empty(), Map.of(),
                Map.of("sbi.host", "127.0.0.1", "sbi.port", "0", "web.bind-address", "127.0.0.1", "web.port", "0",
                        "diameter.port", "0")),
                System.err);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baku"));
        ceir.database().transaction(connection -> {
            try (PreparedStatement status = connection.prepareStatement(
                    "INSERT INTO device_status (imei, status, reason, set_by) VALUES (?, 'CLONE', 'test', 'test')");
                 PreparedStatement pair = connection.prepareStatement(
                    "INSERT INTO pairing (imei, imsi, kind, created_by) VALUES (?, ?, 'GRANDFATHERED', 'test')");
                 PreparedStatement seen = connection.prepareStatement(
                    "INSERT INTO network_imei (imei, first_seen) VALUES (?, ?)")) {
                status.setLong(1, Long.parseLong(CLONE));
                status.executeUpdate();
                pair.setLong(1, Long.parseLong(CLONE));
                pair.setString(2, PAIRED_IMSI);
                pair.executeUpdate();
                seen.setLong(1, 35209900000019L);
                seen.setObject(2, today.minusDays(4));
                seen.executeUpdate();
            }
            ChangeLog.append(connection, Long.parseLong(CLONE), "STATUS_SET", null);
            return null;
        });
    }

    @AfterAll
    static void stop() {
        ceir.close();
    }

    @Test
    void check_cloneWithItsPairedSimIsWhitelisted() {
        String out = run("check", "352099001761481", "--imsi", PAIRED_IMSI, "--operator", "azercell");
        assertThat(out).contains("IMEI       35209900176148 (TAC 35209900)")
                .contains("verdict    WHITELISTED (may use the network)")
                .contains("reason     CLONE_PAIRED_SIM: a clone, used with one of its paired SIMs")
                .contains("register   clone with 1 paired SIM; never seen");
    }

    @Test
    void check_cloneWithAnotherSimIsRefused() {
        String out = run("check", CLONE, "--imsi", "imsi-400021111111111", "--msisdn", "050 123 45 67");
        assertThat(out).contains("verdict    BLACKLISTED (refused)")
                .contains("reason     CLONE_UNPAIRED_SIM: a clone, and this SIM is not paired with it: a refused attempt");
    }

    @Test
    void check_unregisteredShowsTheDaysLeft() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baku"));
        String out = run("check", "35209900000019");
        assertThat(out).contains("verdict    GREYLISTED (allowed, watched)")
                .contains("reason     UNREGISTERED_GRACE: not registered; 26 days left to register (until "
                        + today.plusDays(25) + ")")
                .contains("register   first seen " + today.minusDays(4));
    }

    @Test
    void check_neverSeenIsNotRecordedByALookup() {
        assertThat(run("check", "35209900000027")).contains("reason     FIRST_SEEN: never seen on a network");
        assertThat(run("check", "35209900000027")).as("still never seen").contains("reason     FIRST_SEEN");
    }

    @Test
    void check_wrongCheckDigitIsExplainedAndTheFirst14DigitsDecide() {
        String out = run("check", "352099001761482", "--imsi", PAIRED_IMSI);
        assertThat(out).contains("reason     CLONE_PAIRED_SIM")
                .contains("note       IMEI 352099001761482: check digit should be 1, not 2")
                .contains("so the check keys by the first 14");
    }

    @Test
    void check_malformedImeiIsTheEnginesVerdictWithTheReason() {
        String out = run("check", "3520990017");
        assertThat(out).contains("verdict    GREYLISTED").contains("reason     MALFORMED_IMEI")
                .contains("note       IMEI 3520990017: 10 digits");
    }

    @Test
    void check_via5gAsksARunningServerWhichCountsTheCheck() throws Exception {
        try (CheckService service = CheckService.start(ceir, new SimpleMeterRegistry(), line -> { })) {
            int port = service.door(CheckService.N5G_EIR).orElseThrow().port();
            String paired = run("check", CLONE, "--imsi", PAIRED_IMSI, "--via", "5g", "--server", "127.0.0.1:" + port);
            assertThat(paired).contains("verdict    WHITELISTED (may use the network)")
                    .contains("door       N5g-eir at 127.0.0.1:" + port + " answered 200 WHITELISTED");
            String refused = run("check", CLONE, "--imsi", "400021111111111", "--via", "5g", "--server",
                    "127.0.0.1:" + port);
            assertThat(refused).contains("verdict    BLACKLISTED (refused)");
        }
        long refusedAttempts = ceir.database().transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT coalesce(sum(checks), 0) FROM check_counter WHERE reason = 'CLONE_UNPAIRED_SIM'");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        assertThat(refusedAttempts).as("written when the service stopped").isEqualTo(1);
    }

    @Test
    void check_viaDiameterAsksTheS13ServerAsAnOperatorsMme() throws Exception {
        try (CheckService service = CheckService.start(ceir, new SimpleMeterRegistry(), line -> { })) {
            int port = service.door(CheckService.S13).orElseThrow().port();
            String paired = run("check", CLONE, "--imsi", PAIRED_IMSI, "--operator", "bakcell", "--via", "diameter",
                    "--server", "127.0.0.1:" + port);
            assertThat(paired).contains("verdict    WHITELISTED (may use the network)")
                    .contains("door       S13 at 127.0.0.1:" + port + " (as ceir-check.epc.mnc002.mcc400.3gppnetwork.org)"
                            + " answered DIAMETER_SUCCESS (2001) WHITELISTED");
            assertThat(run("check", CLONE, "--via", "diameter", "--server", "127.0.0.1:" + port))
                    .as("no IMSI: a clone without one").contains("verdict    BLACKLISTED (refused)");
        }
    }

    @Test
    void check_viaHttpAsksTheWebServersCheckApiAsAnOperator() throws Exception {
        assertThat(Cli.runWithStdin("an operator's password\n", Cli.onHome(home, "users", "add", "--username",
                "azercell-api", "--role", "OPERATOR", "--operator", "azercell")).code()).isZero();
        try (CheckService service = CheckService.start(ceir, new SimpleMeterRegistry(), line -> { })) {
            int port = service.door(CheckService.WEB).orElseThrow().port();
            Cli.Result right = Cli.runWithStdin("an operator's password\n", Cli.onHome(home, "check", CLONE, "--imsi",
                    "400021111111111", "--via", "http", "--user", "azercell-api", "--server", "127.0.0.1:" + port));
            Cli.Result wrong = Cli.runWithStdin("not the password\n", Cli.onHome(home, "check", CLONE, "--via", "http",
                    "--user", "azercell-api", "--server", "127.0.0.1:" + port));

            assertThat(right.code()).as(right.err()).isZero();
            assertThat(right.out()).contains("verdict    BLACKLISTED (refused)")
                    .contains("reason     CLONE_UNPAIRED_SIM")
                    .contains("door       HTTP check API at 127.0.0.1:" + port + ", as azercell-api");
            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.err()).contains("refused the check: 401");
        }
    }

    @Test
    void check_viaAnUnknownDoorOrNoServerIsOneClearLine() {
        Cli.Result pigeon = Cli.run(Cli.onHome(home, "check", CLONE, "--via", "pigeon"));
        Cli.Result noServer = Cli.run(Cli.onHome(home, "check", CLONE, "--via", "5g", "--server", "127.0.0.1:1"));

        assertThat(pigeon.code()).isEqualTo(1);
        assertThat(noServer.code()).isEqualTo(1);
        assertThat(pigeon.err()).contains("ceir: --via pigeon: one of engine, diameter, 5g");
        assertThat(noServer.err()).contains("ceir: N5g-eir server 127.0.0.1:1: connection refused; is ceir serve running?");
    }

    @Test
    void check_badImsiOrOperatorIsOneClearLine() {
        Cli.Result badImsi = Cli.run(Cli.onHome(home, "check", CLONE, "--imsi", "4000x"));
        Cli.Result badOperator = Cli.run(Cli.onHome(home, "check", CLONE, "--operator", "vodafone"));

        assertThat(badImsi.code()).isEqualTo(1);
        assertThat(badOperator.code()).isEqualTo(1);
        assertThat(badImsi.err()).contains("ceir: IMSI 4000x: only digits are allowed");
        assertThat(badOperator.err()).contains("ceir: unknown operator 'vodafone'; this country has [azercell, bakcell, nar]");
    }

    private static String run(String... args) {
        return Cli.ok(Cli.onHome(home, args));
    }
}
