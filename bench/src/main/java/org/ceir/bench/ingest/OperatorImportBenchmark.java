package org.ceir.bench.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Luhn;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportResult;
import org.ceir.ingest.Importer;
import org.ceir.ingest.IngestSettings;
import org.ceir.store.Database;
import org.ceir.store.embedded.LocalPostgres;
import org.postgresql.PGConnection;

/**
 * End-to-end import of an operator file (parse, check, merge) beside raw {@code COPY} of the same
 * rows into an unlogged, unindexed table of the same server, in the same run (issue 3's figures).
 *
 * <p>For each size (default 1M and 10M rows) it writes a daily operator file of that many distinct
 * subscribers (synthetic rows, gzipped), then in fresh databases: (1) the baselines: the file
 * decompressed and streamed into {@code COPY … (FORMAT csv)} of an unlogged table without index,
 * then, typed, into a table made in the same transaction with its unique key built after; (2) the import into an empty store;
 * (3) the next day's file of the same subscribers, whose rows all update existing triplets;
 * (4) the first file again, which must find there is nothing to do. Heap peak is measured over the
 * imports. Run it with {@code bench/scripts/ingest-import.sh}, or:
 *
 * <pre>
 * mvn -B -ntp -q -pl bench -am package -DskipTests
 * java -Xmx1g -cp bench/target/benchmarks.jar org.ceir.bench.ingest.OperatorImportBenchmark [ROWS…] [--db ADMIN_URL]
 * </pre>
 *
 * Without {@code --db} it starts an embedded PostgreSQL in a temporary directory.
 */
public final class OperatorImportBenchmark {
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    private OperatorImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        String adminUrl = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db")) {
                adminUrl = args[++i];
            } else {
                sizes.add(Long.parseLong(args[i].replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000_000L, 10_000_000L);
        }
        // Readable by others: under root the embedded PostgreSQL runs as nobody.
        Path work = Files.createTempDirectory("ceir-bench-ingest",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        LocalPostgres server = null;
        if (adminUrl == null) {
            server = LocalPostgres.startOrAttach(work.resolve("postgres"), 0, "postgres", m -> System.out.println("# " + m));
            adminUrl = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=" + LocalPostgres.user();
        }
        System.out.printf("# %s, %d cores, max heap %,d MiB%n", System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try {
            for (long rows : sizes) {
                run(rows, work, adminUrl);
            }
        } finally {
            if (server != null) {
                server.close();
            }
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(long rows, Path work, String adminUrl) throws Exception {
        Path day1 = work.resolve("operator1_" + ymd(DAY) + "_" + ymd(DAY) + ".csv.gz");
        Path day2 = work.resolve("operator1_" + ymd(DAY.plusDays(1)) + "_" + ymd(DAY.plusDays(1)) + ".csv.gz");
        long started = System.nanoTime();
        write(day1, rows, DAY);
        write(day2, rows, DAY.plusDays(1));
        System.out.printf("## %,d rows: files written in %.1f s (%,d bytes gzipped each)%n", rows,
                seconds(started), Files.size(day1));

        double copySeconds;
        double floorSeconds;
        try (Database database = freshDatabase(adminUrl, "bench_copy")) {
            copySeconds = rawCopy(database, day1);
            floorSeconds = floorCopy(database, day1);
        }
        try (Database database = freshDatabase(adminUrl, "bench_import")) {
            long[] phaseStart = {System.nanoTime()};
            ImportListener phases = new ImportListener() {
                @Override
                public void phase(String file, String phase) {
                    long now = System.nanoTime();
                    System.out.printf(Locale.ROOT, "#   %6.1f s later: %s%n", (now - phaseStart[0]) / 1e9, phase);
                    phaseStart[0] = now;
                }
            };
            Importer importer = new Importer(database, country(), IngestSettings.defaults(), Optional.empty(), phases);
            ImportOptions options = ImportOptions.by("bench");
            resetHeapPeaks();
            long t = System.nanoTime();
            ImportResult first = importer.importOperator(day1, options);
            double importSeconds = seconds(t);
            t = System.nanoTime();
            ImportResult next = importer.importOperator(day2, options);
            double nextSeconds = seconds(t);
            long heapPeak = heapPeak();
            t = System.nanoTime();
            ImportResult again = importer.importOperator(day1, options);
            double againSeconds = seconds(t);
            if (first.outcome() != ImportResult.Outcome.SUCCEEDED || again.outcome() != ImportResult.Outcome.UNCHANGED) {
                throw new IllegalStateException("unexpected outcomes: " + first + " / " + again);
            }
            System.out.printf(Locale.ROOT, "raw COPY (baseline)        %6.1f s  %,12.0f rows/s%n", copySeconds, rows / copySeconds);
            System.out.printf(Locale.ROOT, "floor: COPY FREEZE + key   %6.1f s  %,12.0f rows/s  (second baseline: ratio %.2f of raw COPY)%n",
                    floorSeconds, rows / floorSeconds, copySeconds / floorSeconds);
            System.out.printf(Locale.ROOT, "import, empty store        %6.1f s  %,12.0f rows/s  ratio %.2f of raw COPY, %.2f of the floor%n",
                    importSeconds, rows / importSeconds, copySeconds / importSeconds, floorSeconds / importSeconds);
            System.out.printf(Locale.ROOT, "import, next day (updates) %6.1f s  %,12.0f rows/s  ratio %.2f of raw COPY, %.2f of the floor%n",
                    nextSeconds, rows / nextSeconds, copySeconds / nextSeconds, floorSeconds / nextSeconds);
            System.out.printf(Locale.ROOT, "re-import, nothing to do   %6.2f s  (%s)%n", againSeconds, again.summary());
            System.out.printf(Locale.ROOT, "heap peak over the imports %,6d MiB (max heap %,d MiB)%n", heapPeak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "per row: import %.2f us, raw COPY %.2f us%n", importSeconds * 1e6 / rows,
                    copySeconds * 1e6 / rows);
        }
    }

    /** The baseline: the same file, decompressed, straight into COPY of an unlogged table with no index. */
    private static double rawCopy(Database database, Path file) throws SQLException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE UNLOGGED TABLE raw_copy (date text, imei text, imsi text, msisdn text, rat text)");
            }
            long t = System.nanoTime();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY raw_copy FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
            }
            return seconds(t);
        }
    }

    /**
     * The second baseline, a floor for any import that keeps the rows durable and findable: the
     * same file, typed by COPY itself, into a table made in the same transaction (written frozen
     * and, with {@code wal_level = minimal}, without WAL), then its unique key on (IMEI, IMSI,
     * MSISDN) built, then committed. This is what the importer does for an operator's first file
     * of a month, without parsing in Java, checking, or recording the IMEIs.
     */
    private static double floorCopy(Database database, Path file) throws SQLException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            long t = System.nanoTime();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE floor_copy (date date, imei bigint, imsi text, msisdn text, rat text)");
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY floor_copy FROM STDIN (FORMAT csv, HEADER true, FREEZE)", in, 1 << 16);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE UNIQUE INDEX ON floor_copy (imei, imsi, msisdn)");
            }
            connection.commit();
            return seconds(t);
        }
    }

    /** One day's rows of {@code rows} subscribers: each a phone (valid IMEI), a home IMSI and a number. */
    private static void write(Path file, long rows, LocalDate day) throws IOException {
        String date = ymd(day);
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }, 1 << 16)) {
            out.write("date,imei,imsi,msisdn,rat\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder(80);
            for (long i = 0; i < rows; i++) {
                long imei = 35_000_000_000_000L + i * 7;
                line.setLength(0);
                line.append(date).append(',').append(imei).append(Luhn.checkDigit(imei)).append(',')
                        .append("11101").append(1_000_000_000L + i).append(',')
                        .append("2250").append(10_000_000L + i).append(',').append(i % 3 == 0 ? "002|006" : "006").append('\n');
                for (int c = 0; c < line.length(); c++) {
                    out.write(line.charAt(c));
                }
            }
        }
    }

    private static Country country() {
        return new Country("Testland", "111", "22", "0", 11, List.of(
                new org.ceir.core.country.Operator("operator1", "One", "111", "01")), java.util.Map.of());
    }

    private static Database freshDatabase(String adminUrl, String prefix) throws SQLException {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        Database database = Database.connect(adminUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1"), null, null, 4);
        database.migrate();
        return database;
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of what was in use at once. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String ymd(LocalDate day) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
