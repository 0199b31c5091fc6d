package org.ceir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ceir.app.config.Settings;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.identity.Imei;
import org.ceir.diameter.S13Client;
import org.ceir.diameter.S13ClientSettings;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.ResultCode;
import org.ceir.sbi.N5gEirAnswer;
import org.ceir.sbi.N5gEirClient;
import org.ceir.store.ChangeLog;

/**
 * One decision, four doors: for random register states, every way of asking gives the same
 * answer, and it is the one the policy (README "Device checks") says: the S13 server, the N5g-eir
 * server and the HTTP check API of {@code ceir serve}, the command line ({@code ceir check}), and
 * the engine itself.
 */
class OneDecisionFourDoorsProperties {
    private static final String ZONE = "Asia/Baku";
    private static final List<String> PAIRABLE = List.of("400011000000001", "400011000000002", "400011000000003");
    private static final String UNPAIRED_HOME = "400021999999999";
    private static final String ROAMER = "250011234567890";
    private static final AtomicLong NEXT_IMEI = new AtomicLong(35_209_900_100_000L);

    private static Path home;
    private static Ceir ceir;
    private static CheckService service;
    private static N5gEirClient n5gEir;
    private static S13Client s13;
    private static HttpClient http;
    private static String checkApi;
    private static final String OPERATOR_PASSWORD = "the operator's long password";

    /** Which SIM the check carries. */
    enum Sim { PAIRED, UNPAIRED_HOME, ROAMER, NONE }

    /** A device's state in the register, and the SIM it is checked with. */
    record Device(boolean stolen, boolean cloned, int pairings, boolean registered, boolean exempt,
                  Optional<Integer> firstSeenDaysAgo, Sim sim) {
    }

    @BeforeContainer
    static void serve() throws IOException {
        home = Files.createTempDirectory("ceir-doors");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        ceir = new Ceir(home, Settings.load(Optional.empty(), Map.of(), Map.of("sbi.host", "127.0.0.1", "sbi.port", "0",
                "web.bind-address", "127.0.0.1", "web.port", "0", "diameter.port", "0")), System.err);
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream((OPERATOR_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(Main.run("users", "add", "--username", "nar-api", "--role", "OPERATOR", "--operator", "nar",
                    "--home", home.toString())).isZero();
        } finally {
            System.setIn(stdin);
        }
        service = CheckService.start(ceir, new SimpleMeterRegistry(), line -> { });
        n5gEir = new N5gEirClient("127.0.0.1", service.door(CheckService.N5G_EIR).orElseThrow().port());
        // An MME of Nar's network, one of the configured peers (ceir-defaults.yaml diameter.peers).
        s13 = S13Client.connect(S13ClientSettings.of("127.0.0.1", service.door(CheckService.S13).orElseThrow().port(),
                "mme1.epc.mnc004.mcc400.3gppnetwork.org", "epc.mnc004.mcc400.3gppnetwork.org",
                ceir.settings().diameter().originRealm()));
        http = HttpClient.newHttpClient();
        checkApi = "http://127.0.0.1:" + service.door(CheckService.WEB).orElseThrow().port() + "/api/v1/check";
    }

    @AfterContainer
    static void stop() throws IOException {
        n5gEir.close();
        s13.close();
        service.close();
        ceir.close();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Property(tries = 60)
    void everyDoorGivesThePolicysAnswer(@ForAll("devices") Device device) throws Exception {
        long key = NEXT_IMEI.getAndIncrement();
        String imei = Imei.ofKey(key).toString();
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        write(key, device, today);
        awaitEngineHolds(key, device, today);
        String imsi = imsiOf(device);

        Outcome expected = policy(device);
        Outcome engine = Verdict.outcome(service.engine().check(imei, imsi, null, null));
        Outcome diameter = outcomeOf(s13.check(imei, imsi).get(30, TimeUnit.SECONDS));
        Outcome n5g = outcomeOf(n5gEir.status("imei-" + imei, imsi, null));
        Outcome api = httpOutcome(imei, imsi);
        Outcome cli = cliOutcome(imei, imsi);

        assertThat(List.of(engine, diameter, n5g, api, cli)).as("engine, S13, N5g-eir, HTTP, CLI for %s", device)
                .containsOnly(expected);
    }

    @Provide
    Arbitrary<Device> devices() {
        Arbitrary<Boolean> rare = Arbitraries.integers().between(0, 9).map(n -> n == 0);
        Arbitrary<Boolean> often = Arbitraries.integers().between(0, 9).map(n -> n < 3);
        Arbitrary<Optional<Integer>> firstSeen = Arbitraries.integers().between(0, 60).optional(0.7);
        return Combinators.combine(rare, often, Arbitraries.integers().between(0, 3), often, rare, firstSeen,
                Arbitraries.of(Sim.class)).as(Device::new);
    }

    /** The policy as README "Device checks" states it, with the default settings. */
    private static Outcome policy(Device device) {
        if (device.stolen()) {
            return Outcome.BLACKLISTED;
        }
        if (device.cloned()) {
            boolean paired = device.sim() == Sim.PAIRED && device.pairings() > 0;
            return paired ? Outcome.WHITELISTED : Outcome.BLACKLISTED;
        }
        if (device.registered() || device.sim() == Sim.ROAMER || device.exempt()) {
            return Outcome.WHITELISTED;
        }
        return device.firstSeenDaysAgo().map(days -> days < 30 ? Outcome.GREYLISTED : Outcome.BLACKLISTED)
                .orElse(Outcome.GREYLISTED);
    }

    private static String imsiOf(Device device) {
        switch (device.sim()) {
            case PAIRED:
                return PAIRABLE.get(0);
            case UNPAIRED_HOME:
                return UNPAIRED_HOME;
            case ROAMER:
                return ROAMER;
            default:
                return null;
        }
    }

    private static void write(long key, Device device, LocalDate today) {
        ceir.database().transaction(connection -> {
            if (device.stolen()) {
                status(connection, key, "STOLEN");
            }
            if (device.cloned()) {
                status(connection, key, "CLONE");
            }
            if (device.exempt()) {
                status(connection, key, "EXEMPT");
            }
            for (int i = 0; i < device.pairings(); i++) {
                try (PreparedStatement pair = connection.prepareStatement(
                        "INSERT INTO pairing (imei, imsi, kind, created_by) VALUES (?, ?, 'GRANDFATHERED', 'test')")) {
                    pair.setLong(1, key);
                    pair.setString(2, PAIRABLE.get(i));
                    pair.executeUpdate();
                }
            }
            if (device.registered()) {
                try (PreparedStatement registration = connection.prepareStatement(
                        "WITH r AS (INSERT INTO registration (reference, kind, status, created_by)"
                                + " VALUES ('R-' || ?, 'INDIVIDUAL', 'ACTIVE', 'test') RETURNING id)"
                                + " INSERT INTO registration_imei (registration_id, imei) SELECT id, ? FROM r")) {
                    registration.setLong(1, key);
                    registration.setLong(2, key);
                    registration.executeUpdate();
                }
            }
            if (device.firstSeenDaysAgo().isPresent()) {
                try (PreparedStatement seen = connection.prepareStatement(
                        "INSERT INTO network_imei (imei, first_seen) VALUES (?, ?)")) {
                    seen.setLong(1, key);
                    seen.setObject(2, today.minusDays(device.firstSeenDaysAgo().get()));
                    seen.executeUpdate();
                }
            }
            ChangeLog.append(connection, key, "TEST_STATE", null);
            return null;
        });
    }

    private static void status(Connection connection, long key, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO device_status (imei, status, reason, set_by) VALUES (?, ?, 'test', 'test')")) {
            insert.setLong(1, key);
            insert.setString(2, status);
            insert.executeUpdate();
        }
    }

    /** Waits until the served engine has applied the change (it never takes long; the bound is generous). */
    private static void awaitEngineHolds(long key, Device device, LocalDate today) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            DeviceState state = service.engine().describe(key);
            boolean held = state.stolen() == device.stolen() && state.cloned() == device.cloned()
                    && state.registered() == device.registered() && state.exempt() == device.exempt()
                    && state.pairedSims() == device.pairings()
                    && state.firstSeen().equals(device.firstSeenDaysAgo().map(today::minusDays));
            if (held) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("the engine applies the change").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static Outcome outcomeOf(MeIdentityCheckAnswer answer) {
        if (answer.equipmentStatus().isPresent()) {
            return Outcome.valueOf(answer.equipmentStatus().get().name());
        }
        assertThat(answer.result()).as("S13 answered %s", answer).isEqualTo(ResultCode.EQUIPMENT_UNKNOWN);
        return Outcome.UNKNOWN;
    }

    private static Outcome outcomeOf(N5gEirAnswer answer) {
        if (answer.status().isPresent()) {
            return Outcome.valueOf(answer.status().get().name());
        }
        assertThat(answer.equipmentUnknown()).as("N5g-eir answered %s", answer).isTrue();
        return Outcome.UNKNOWN;
    }

    private static Outcome httpOutcome(String imei, String imsi) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(("nar-api:" + OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(checkApi + "?imei=" + imei
                        + (imsi == null ? "" : "&imsi=" + imsi)))
                        .header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("HTTP check: %s", response.body()).isEqualTo(200);
        Matcher status = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"").matcher(response.body());
        assertThat(status.find()).as("a status in %s", response.body()).isTrue();
        return Outcome.valueOf(status.group(1));
    }

    private static Outcome cliOutcome(String imei, String imsi) {
        List<String> args = new ArrayList<>(List.of("check", imei, "--home", home.toString()));
        if (imsi != null) {
            args.addAll(List.of("--imsi", imsi));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args.toArray(String[]::new))).isZero();
        } finally {
            System.setOut(saved);
        }
        Matcher verdict = Pattern.compile("(?m)^verdict +([A-Z]+)").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(verdict.find()).as("ceir check printed a verdict: %s", out).isTrue();
        return Outcome.valueOf(verdict.group(1));
    }
}
