package org.ceir.bench.detect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import org.ceir.core.country.Country;
import org.ceir.detect.ConditionConfig;
import org.ceir.detect.DetectSettings;
import org.ceir.detect.DimensionConfig;
import org.ceir.detect.Detector;
import org.ceir.detect.RunReport;
import org.ceir.store.Database;
import org.ceir.store.DatabaseSettings;
import org.ceir.store.Operators;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A full detection run over a synthetic country of N subscribers × 90 days, at N/4, N/2 and N to
 * show the cost against the number of triplets, and beside it, in the same run, DuckDB computing
 * the per-IMEI distinct-IMSI counts over the same triplets exported to Parquet.
 *
 * <p>Run (builds nothing else, needs ~3 GiB of heap for a million subscribers):
 * <pre>
 * mvn -B -ntp -q -pl bench -am package -DskipTests
 * java -Xmx6g -cp bench/target/benchmarks.jar org.ceir.bench.detect.DetectBenchmark [SUBSCRIBERS] [DIR]
 * </pre>
 * SUBSCRIBERS defaults to 1,000,000; DIR (default a temporary one) holds the embedded PostgreSQL
 * and the Parquet file. The data: every subscriber one phone and one SIM, seen on ~85 % of days,
 * on an operator by market share (50/35/15); 0.3 % of subscribers' IMEIs are copied onto rings of
 * 2 to 300 phones, each with its own SIM, from a random day on.
 */
public final class DetectBenchmark {
    private static final LocalDate START = LocalDate.parse("2025-01-01");
    private static final int DAYS = 90;
    private static final String[] OPERATORS = {"azercell", "bakcell", "nar"};

    private DetectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("ceir-detect-bench");
        Files.createDirectories(dir);
        dir.toFile().setExecutable(true, false);
        Country country = Country.azerbaijan();
        DetectSettings settings = defaultSettings();
        System.out.printf(Locale.ROOT, "detection benchmark: %,d subscribers x %d days, data in %s (%d cores)%n",
                subscribers, DAYS, dir, Runtime.getRuntime().availableProcessors());
        try (Database database = Database.open(new DatabaseSettings("", "", "", 4, 0, dir.resolve("postgres")),
                m -> { })) {
            database.migrate();
            database.transaction(c -> Operators.sync(c, country));
            for (int size : new int[] {subscribers / 4, subscribers / 2, subscribers}) {
                reset(database);
                long triplets = generate(database, size);
                long[] millis = new long[3];
                RunReport report = null;
                for (int i = 0; i < millis.length; i++) {
                    resetRuns(database);
                    long t0 = System.nanoTime();
                    report = new Detector(database, country, settings, m -> { })
                            .run(Optional.of(START.plusDays(DAYS - 1)), "bench", Optional.empty());
                    millis[i] = (System.nanoTime() - t0) / 1_000_000;
                }
                long median = median(millis);
                String line = String.format(Locale.ROOT, "%,12d subscribers %,12d triplets  run median %,7d ms"
                        + " (load %,d, classify %,d, write %,d)  %,10.0f triplets/s  %,d cases",
                        size, triplets, median, report.timingMillis().get("load"), report.timingMillis().get("classify"),
                        report.timingMillis().get("write"), triplets / (median / 1000.0), report.cases().open());
                System.out.println(line);
                if (size == subscribers) {
                    duckdb(database, dir, median, report);
                }
            }
        }
    }

    static DetectSettings defaultSettings() {
        ConditionConfig clone = new ConditionConfig("clone", "IMEI copied onto other phones", true, true, 0, false, 0.05,
                List.of(DimensionConfig.of("concurrent_imsis", java.util.Map.of("min_imsis", 3, "min_days", 2,
                        "period_days", 90))));
        return new DetectSettings(90, 30, 0, 50, List.of(clone));
    }

    /** DuckDB's per-IMEI distinct-IMSI counts over the same triplets in Parquet, median of 5. */
    private static void duckdb(Database database, Path dir, long ceirMillis, RunReport report) throws Exception {
        Path csv = dir.resolve("triplets.csv");
        Path parquet = dir.resolve("triplets.parquet");
        database.transaction(c -> {
            try (OutputStream out = Files.newOutputStream(csv)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT imei, imsi, msisdn, operator_id,"
                        + " triplet_month, first_seen, last_seen, date_bitmask FROM network_triplet) TO STDOUT"
                        + " WITH (FORMAT csv, HEADER true)", out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = duck.createStatement()) {
            s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, types = {'imsi': 'VARCHAR',"
                    + " 'msisdn': 'VARCHAR'})) TO '" + parquet + "' (FORMAT parquet)");
            String query = "SELECT imei, count(DISTINCT imsi) FROM read_parquet('" + parquet + "')"
                    + " WHERE imei <> -1 AND length(imsi) BETWEEN 14 AND 15 AND last_seen >= DATE '" + START
                    + "' AND first_seen < DATE '" + START.plusDays(DAYS) + "' GROUP BY imei";
            long[] millis = new long[5];
            long groups = 0;
            for (int i = 0; i < millis.length; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rows = s.executeQuery(query)) {
                    groups = 0;
                    while (rows.next()) {
                        groups++;
                    }
                }
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            long duckMedian = median(millis);
            long classify = report.timingMillis().get("classify");
            System.out.printf(Locale.ROOT, "DuckDB %s: per-IMEI distinct IMSIs over %,d triplets (Parquet, %,d KiB):"
                    + " median %,d ms for %,d IMEIs%n", duckdbVersion(s), report.triplets(), Files.size(parquet) / 1024,
                    duckMedian, groups);
            System.out.printf(Locale.ROOT, "ratio ceir full run / DuckDB query = %.1f; ceir classify phase (in memory,"
                    + " every condition and evidence) / DuckDB = %.1f%n", (double) ceirMillis / Math.max(1, duckMedian),
                    (double) classify / Math.max(1, duckMedian));
        }
        Files.deleteIfExists(csv);
    }

    private static String duckdbVersion(Statement s) throws Exception {
        try (ResultSet row = s.executeQuery("SELECT version()")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void reset(Database database) {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE network_triplet, network_imei");
            }
            return null;
        });
        resetRuns(database);
    }

    private static void resetRuns(Database database) {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE clone_case, imei_evidence, classification_state, detection_run, device_status,"
                        + " pairing, change_log, audit_log");
            }
            return null;
        });
    }

    /** Writes the synthetic triplets with COPY; returns the rows written. */
    private static long generate(Database database, int subscribers) {
        return database.transaction(c -> {
            for (int m = 0; m < 4; m++) {
                try (PreparedStatement p = c.prepareStatement("SELECT ensure_triplet_partition(?)")) {
                    p.setObject(1, START.plusMonths(m));
                    p.execute();
                }
            }
            short[] operatorIds = new short[3];
            for (int i = 0; i < 3; i++) {
                operatorIds[i] = Operators.ids(c).get(OPERATORS[i]);
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY network_triplet (triplet_month,"
                    + " operator_id, imei, imsi, msisdn, first_seen, last_seen, date_bitmask, rat_bitmask) FROM STDIN");
            long rows = 0;
            SplittableRandom random = new SplittableRandom(1);
            StringBuilder line = new StringBuilder(128);
            long nextRingImei = 86_000_000_000_000L;
            int phone = 0;
            while (phone < subscribers) {
                boolean ring = random.nextInt(1000) < 3;
                int size = ring ? Math.min(300, 2 + (int) (1.0 / Math.max(1e-3, random.nextDouble()) * 2)) : 1;
                long imei = ring ? nextRingImei++ : 35_000_000_000_000L + phone;
                int from = ring ? random.nextInt(DAYS - 10) : 0;
                for (int k = 0; k < size && phone < subscribers; k++, phone++) {
                    int operator = pick(random);
                    String imsi = "4000" + (operator == 2 ? 4 : operator + 1) + String.format("%010d", phone);
                    String msisdn = "99450" + String.format("%07d", phone);
                    for (int m = 0; m < 4; m++) {
                        LocalDate month = START.plusMonths(m);
                        int length = month.lengthOfMonth();
                        int mask = 0;
                        for (int d = 1; d <= length; d++) {
                            int index = (int) (month.withDayOfMonth(d).toEpochDay() - START.toEpochDay());
                            if (index >= from && index < DAYS && random.nextInt(100) < 85) {
                                mask |= 1 << (d - 1);
                            }
                        }
                        if (mask == 0) {
                            continue;
                        }
                        line.setLength(0);
                        line.append(month).append('\t').append(operatorIds[operator]).append('\t').append(imei)
                                .append('\t').append(imsi).append('\t').append(msisdn).append('\t')
                                .append(month.withDayOfMonth(Integer.numberOfTrailingZeros(mask) + 1)).append('\t')
                                .append(month.withDayOfMonth(32 - Integer.numberOfLeadingZeros(mask))).append('\t')
                                .append(mask).append('\t').append(1 << 6).append('\n');
                        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        rows++;
                    }
                }
            }
            copy.endCopy();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE network_triplet");
            }
            return rows;
        });
    }

    private static int pick(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 50 ? 0 : r < 85 ? 1 : 2;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
