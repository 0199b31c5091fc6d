package org.ceir.bench.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.store.Database;
import org.ceir.store.DatabaseSettings;
import org.ceir.web.WebServer;
import org.ceir.web.WebSettings;

/**
 * The web server as {@code bench/scripts/web-check-wrk.sh} loads it: an embedded PostgreSQL in a
 * temporary directory (with one TAC in the catalogue, so the check page does its real look-up), an
 * in-memory register in which every IMEI is registered, and the rate limit raised out of the way.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.ceir.bench.web.WebLoadServer PORT [HOME]};
 * it serves until killed. With HOME, the data lives there and {@code ceir users add --home HOME}
 * works beside it (a plain-HTTP trial: cookies are not marked Secure).
 */
public final class WebLoadServer {
    private WebLoadServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18480;
        Path home = args.length > 1 ? Files.createDirectories(Path.of(args[1]).toAbsolutePath())
                : Files.createTempDirectory("ceir-web-bench");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Database database = Database.open(new DatabaseSettings("", "", "", 16, 0, home.resolve("postgres")),
                message -> System.err.println("bench: " + message));
        database.migrate();
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tac_model (tac, manufacturer, model_name) VALUES (35209900, 'Nokia', '3310')"
                            + " ON CONFLICT DO NOTHING")) {
                insert.executeUpdate();
            }
            return null;
        });
        EquipmentCheck register = new EquipmentCheck() {
            @Override
            public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
                return Verdict.of(Outcome.WHITELISTED, CheckReason.REGISTERED, 0);
            }

            @Override
            public DeviceState describe(long imei) {
                return new DeviceState(imei, false, false, false, true, false, 0,
                        Optional.of(LocalDate.of(2026, 1, 1)), Optional.empty());
            }
        };
        WebSettings settings = new WebSettings(port, "127.0.0.1", Integer.MAX_VALUE, 20, 5, 15, 30, 12, false, "", "az", 30, 600, 1024);
        WebServer server = new WebServer(settings, database, register, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
            stopped.countDown();
        }, "web-bench-stop"));
        System.err.println("bench: web server on http://127.0.0.1:" + server.start());
        stopped.await();
    }
}
