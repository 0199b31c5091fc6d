package org.ceir.bench.lists;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.ceir.core.country.Country;
import org.ceir.eir.EirSettings;
import org.ceir.lists.ListExporter;
import org.ceir.lists.ListsSettings;
import org.ceir.store.Database;
import org.ceir.store.Operators;
import org.ceir.store.embedded.LocalPostgres;
import org.postgresql.PGConnection;

/**
 * Issue 9's figure: exporting the lists of a register of 10 million IMEIs, time and peak heap,
 * beside two baselines measured in the same run on the same server: {@code COPY (SELECT …) TO} of
 * the register's IMEIs (reading the input once, no decision made), and of the rows the lists hold
 * (writing the output once).
 *
 * <p>The register is generated in the database: N IMEIs first seen over the last 180 days, 60%
 * registered, 1% stolen, 0.5% clones with three paired SIMs each, the rest unregistered (about a
 * sixth of them inside the 30-day grace period, each with the SIM seen on it), so about 3.3
 * million blacklisted IMEIs, 0.7 million notifications and 150,000 exceptions.
 *
 * <pre>
 * mvn -B -ntp -q -pl bench -am package -DskipTests
 * java -Xmx1g -cp bench/target/benchmarks.jar org.ceir.bench.lists.ListExportBenchmark [--imeis N] [--rounds R]
 * </pre>
 * The first export writes every list row to the history; later ones only the differences (none
 * here), which is the steady state of a daily export.
 */
public final class ListExportBenchmark {
    private ListExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long imeis = option(args, "--imeis", 10_000_000);
        int rounds = (int) option(args, "--rounds", 3);
        Path home = Files.createTempDirectory("ceir-bench-lists");
        // The embedded PostgreSQL runs as nobody under root, who must be able to enter the folder.
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalPostgres server = LocalPostgres.startOrAttach(home.resolve("postgres"), 0, "ceir", m -> System.out.println("# " + m));
        try (Database database = Database.connect(server.jdbcUrl(), LocalPostgres.user(), "", 4)) {
            database.migrate();
            long started = System.nanoTime();
            generate(database, imeis);
            System.out.printf(Locale.ROOT, "# register of %,d IMEIs generated in %.1f s%n", imeis, seconds(started));
            ListExporter exporter = new ListExporter(database, EirSettings.defaults(), Country.azerbaijan(),
                    new ListsSettings("lists", 0, 3, 10, 1), home.resolve("lists"), Clock.systemUTC());
            HeapPeak heap = new HeapPeak();
            double first = export(exporter, home, "first", heap);
            long firstPeak = heap.takePeak();
            System.out.printf(Locale.ROOT, "first export (every row new to the history): %.1f s, heap peak %d MiB%n",
                    first, firstPeak >> 20);
            List<Double> steady = new ArrayList<>();
            List<Double> readInput = new ArrayList<>();
            List<Double> writeOutput = new ArrayList<>();
            long steadyPeak = 0;
            for (int round = 0; round < rounds; round++) {
                readInput.add(copy(database, "SELECT imei, first_seen FROM network_imei ORDER BY imei"));
                writeOutput.add(copy(database, "SELECT list, operator, lpad(imei::text, 14, '0'), imsi, msisdn,"
                        + " to_char(block_date, 'YYYYMMDD'), reasons FROM list_entry WHERE removed_run IS NULL"
                        + " ORDER BY list, operator, imei, imsi, msisdn"));
                steady.add(export(exporter, home, "round-" + round, heap));
                steadyPeak = Math.max(steadyPeak, heap.takePeak());
            }
            heap.stop();
            double median = median(steady);
            System.out.printf(Locale.ROOT, "export, register unchanged (median of %d): %.1f s, heap peak %d MiB%n",
                    rounds, median, steadyPeak >> 20);
            System.out.printf(Locale.ROOT, "baseline COPY TO of the register's IMEIs: %.1f s (export / baseline %.1f)%n",
                    median(readInput), median / median(readInput));
            System.out.printf(Locale.ROOT, "baseline COPY TO of the lists' rows:      %.1f s (export / baseline %.1f)%n",
                    median(writeOutput), median / median(writeOutput));
        } finally {
            server.close();
        }
    }

    private static double export(ListExporter exporter, Path home, String name, HeapPeak heap) {
        heap.takePeak();
        long started = System.nanoTime();
        ListExporter.Result result = exporter.export(new ListExporter.Request(home.resolve("out-" + name),
                Optional.empty(), "COMMAND", "bench", false), line -> System.out.println("# " + line));
        double took = seconds(started);
        System.out.printf(Locale.ROOT, "# %s: run %d, %,d IMEIs, %.1f s%n", name, result.run().id(), result.imeis(), took);
        return took;
    }

    /** The generated register (see the class comment); every number derives from the IMEI's serial g. */
    private static void generate(Database database, long n) {
        LocalDate today = LocalDate.now(Clock.systemUTC().withZone(EirSettings.defaults().zone()));
        database.transaction(connection -> {
            Operators.sync(connection, Country.azerbaijan());
            for (int m = 0; m <= 7; m++) {
                execute(connection, "SELECT ensure_triplet_partition('" + today.minusMonths(m).withDayOfMonth(1) + "')");
            }
            execute(connection, "INSERT INTO network_imei (imei, first_seen)"
                    + " SELECT 35000000000000 + g * 7, DATE '" + today + "' - (g % 180)::int"
                    + " FROM generate_series(1, " + n + ") g");
            execute(connection, "INSERT INTO registration (reference, kind, status, created_by)"
                    + " VALUES ('BENCH', 'IMPORTED', 'ACTIVE', 'bench')");
            execute(connection, "INSERT INTO registration_imei (registration_id, imei)"
                    + " SELECT (SELECT id FROM registration WHERE reference = 'BENCH'), 35000000000000 + g * 7"
                    + " FROM generate_series(1, " + n + ") g WHERE g % 10 < 6");
            execute(connection, "INSERT INTO device_status (imei, status, reason, set_by, since)"
                    + " SELECT 35000000000000 + g * 7, 'STOLEN', 'bench', 'bench', now() - (g % 300) * interval '1 day'"
                    + " FROM generate_series(1, " + n + ") g WHERE g % 100 = 7");
            execute(connection, "INSERT INTO device_status (imei, status, reason, set_by, since)"
                    + " SELECT 35000000000000 + g * 7, 'CLONE', 'bench', 'bench', now() - (g % 300) * interval '1 day'"
                    + " FROM generate_series(1, " + n + ") g WHERE g % 200 = 13");
            execute(connection, "INSERT INTO pairing (imei, imsi, msisdn, kind, created_by)"
                    + " SELECT 35000000000000 + g * 7, '4000' || (ARRAY['1','2','4'])[s] || lpad((g * 3 + s)::text, 10, '0'),"
                    + " '99450' || lpad(((g * 3 + s) % 10000000)::text, 7, '0'), 'GRANDFATHERED', 'bench'"
                    + " FROM generate_series(1, " + n + ") g, generate_series(1, 3) s WHERE g % 200 = 13");
            execute(connection, "INSERT INTO network_triplet (triplet_month, operator_id, imei, imsi, msisdn, first_seen,"
                    + " last_seen, date_bitmask)"
                    + " SELECT date_trunc('month', DATE '" + today + "' - (g % 180)::int)::date, 1, 35000000000000 + g * 7,"
                    + " '40001' || lpad(g::text, 10, '0'), '99451' || lpad((g % 10000000)::text, 7, '0'),"
                    + " DATE '" + today + "' - (g % 180)::int, DATE '" + today + "' - (g % 180)::int, 1"
                    + " FROM generate_series(1, " + n + ") g WHERE g % 10 >= 6 AND g % 180 < 30");
            return null;
        });
        database.transaction(connection -> {
            execute(connection, "ANALYZE");
            return null;
        });
    }

    private static double copy(Database database, String select) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            AtomicLong bytes = new AtomicLong();
            long started = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv)",
                    new OutputStream() {
                        @Override
                        public void write(int b) {
                            bytes.incrementAndGet();
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            bytes.addAndGet(len);
                        }
                    });
            return seconds(started);
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long option(String[] args, String name, long fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Long.parseLong(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

    /** Samples the used heap every 20 ms and keeps the highest. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        HeapPeak() {
            sampler = new Thread(() -> {
                Runtime runtime = Runtime.getRuntime();
                while (running) {
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        long takePeak() {
            return peak.getAndSet(0);
        }

        void stop() {
            running = false;
            sampler.interrupt();
        }
    }
}
