package org.ceir.bench.eir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.SplittableRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Verdict;
import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;
import org.ceir.store.ChangeLog;
import org.ceir.store.Database;

/**
 * The time from a status change committed in the database to the first check that sees it: a
 * device is reported stolen (status and change log in one transaction, as the modules write it)
 * and a thread checks it in a loop until the verdict says STOLEN. Measured with the engine as
 * configured (LISTEN plus a poll every {@code eir.poll-millis}), beside the engine polling alone at
 * the same interval, the baseline a notification must beat. Pauses of random length between
 * samples spread them over the poll's phase.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.ceir.bench.eir.ChangeLatency [SAMPLES] [IMEIS] [DIR]
 * </pre>
 * SAMPLES defaults to 200 per mode, IMEIS to 1,000,000.
 */
public final class ChangeLatency {
    private ChangeLatency() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long imeis = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 1_000_000;
        Path dir = Path.of(args.length > 2 ? args[2] : "/tmp/ceir-bench-eir").resolve("register-" + imeis);
        try (Database database = SyntheticRegister.open(dir, imeis, line -> System.err.println("ceir: " + line))) {
            EirSettings listen = EirSettings.defaults();
            EirSettings pollOnly = new EirSettings(listen.graceDays(), listen.timeZone(), listen.malformedImei(),
                    listen.unallocatedTac(), listen.cloneWithoutImsi(), listen.neverSeen(), listen.graceExpired(),
                    listen.exemptRoamers(), listen.exemptDeviceTypes(), listen.pollMillis(), false, listen.flushSeconds());
            double[] notified = measure(database, listen, samples, imeis, 1);
            double[] polled = measure(database, pollOnly, samples, imeis, 2);
            System.out.printf("commit -> first check that sees it, %d samples each, poll every %d ms%n", samples,
                    listen.pollMillis());
            print("LISTEN + poll (ceir)", notified);
            print("poll only (baseline)", polled);
            System.out.printf("  median ratio %.3f%n", percentile(notified, 50) / percentile(polled, 50));
        }
    }

    private static double[] measure(Database database, EirSettings settings, int samples, long imeis, long seed)
            throws Exception {
        double[] millis = new double[samples];
        SplittableRandom random = new SplittableRandom(seed);
        try (CheckEngine engine = CheckEngine.start(database, settings, Country.azerbaijan(), new SimpleMeterRegistry(),
                line -> { })) {
            for (int s = 0; s < samples; s++) {
                long g;
                do {
                    g = random.nextLong(imeis);
                } while (SyntheticRegister.stolen(g) || SyntheticRegister.clone(g));
                long imei = SyntheticRegister.imei(g);
                String sent = Imei.formatKey(imei);
                Thread.sleep(random.nextInt(settings.pollMillis()));
                setStolen(database, imei, true);
                long committed = System.nanoTime();
                while (Verdict.reason(engine.check(sent, "400021234567890", null, null)) != CheckReason.STOLEN) {
                    Thread.onSpinWait();
                }
                millis[s] = (System.nanoTime() - committed) / 1e6;
                setStolen(database, imei, false);
                while (Verdict.reason(engine.check(sent, "400021234567890", null, null)) == CheckReason.STOLEN) {
                    Thread.sleep(1);
                }
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void setStolen(Database database, long imei, boolean stolen) {
        database.transaction(connection -> {
            try (PreparedStatement change = connection.prepareStatement(stolen
                    ? "INSERT INTO device_status (imei, status, reason, set_by) VALUES (?, 'STOLEN', 'bench-latency', 'bench')"
                    : "DELETE FROM device_status WHERE imei = ? AND status = 'STOLEN' AND reason = 'bench-latency'")) {
                change.setLong(1, imei);
                change.executeUpdate();
            }
            ChangeLog.append(connection, imei, stolen ? "STATUS_SET" : "STATUS_CLEARED", null);
            return null;
        });
    }

    private static void print(String name, double[] sorted) {
        System.out.printf("  %-22s median %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", name, percentile(sorted, 50),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
