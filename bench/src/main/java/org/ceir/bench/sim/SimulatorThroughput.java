package org.ceir.bench.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.ceir.core.country.Country;
import org.ceir.sim.FastGzip;
import org.ceir.sim.SimulationParameters;
import org.ceir.sim.SimulationProgress;
import org.ceir.sim.SimulationSummary;
import org.ceir.sim.Simulator;

/**
 * Rows per second of {@code ceir simulate}, beside two baselines measured in the same run on the
 * same files, rows per file and threads:
 * <ul>
 *   <li><b>constant rows</b>: one fixed row written again and again through the same gzip stream
 *       (the floor of file writing: almost no compression work);</li>
 *   <li><b>replayed rows</b>: real rows of one simulated file, replayed through the same gzip
 *       stream (what compressing the real data costs, with no simulation at all).</li>
 * </ul>
 * The ratios say how close the simulator gets to merely writing its output.
 *
 * <p>Run (after {@code mvn -B -ntp -pl bench -am package -DskipTests}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.ceir.bench.sim.SimulatorThroughput \
 *     [--subscribers 1000000] [--days 30] [--threads N] [--runs 3] [--dir /tmp/ceir-sim-bench]
 * </pre>
 * The directory is emptied and reused; each figure is the median of the runs.
 */
public final class SimulatorThroughput {
    private static final byte[] HEADER = "date,imei,imsi,msisdn,rat\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONSTANT = "20260101,352099001761481,400011234567890,994501234567,002|006\n"
            .getBytes(StandardCharsets.US_ASCII);

    private SimulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = 1_000_000;
        int days = 30;
        int threads = Runtime.getRuntime().availableProcessors();
        int runs = 3;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ceir-sim-bench");
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--subscribers": subscribers = Integer.parseInt(value); break;
                case "--days": days = Integer.parseInt(value); break;
                case "--threads": threads = Integer.parseInt(value); break;
                case "--runs": runs = Integer.parseInt(value); break;
                case "--dir": dir = Path.of(value); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "simulate %,d subscribers x %d days, %d threads, %d runs (median)%n",
                subscribers, days, threads, runs);
        double[] simulated = new double[runs];
        double[] constant = new double[runs];
        double[] replayed = new double[runs];
        for (int run = 0; run < runs; run++) {
            clear(dir);
            Path simDir = dir.resolve("sim");
            SimulationSummary summary = Simulator.run(new SimulationParameters(simDir, subscribers, days,
                    LocalDate.of(2026, 1, 1), 1, threads, Country.azerbaijan(), false), SimulationProgress.SILENT);
            simulated[run] = summary.rowsPerSecond();
            long[] rowsPerFile = rowsPerFile(simDir);
            byte[] sample = sampleRows(simDir);
            clear(dir.resolve("baseline"));
            constant[run] = writeBaseline(dir.resolve("baseline"), rowsPerFile, threads, CONSTANT);
            clear(dir.resolve("baseline"));
            replayed[run] = writeBaseline(dir.resolve("baseline"), rowsPerFile, threads, sample);
            System.out.printf(Locale.ROOT, "run %d: %,d rows; simulator %,.0f rows/s, constant rows %,.0f rows/s,"
                    + " replayed rows %,.0f rows/s%n", run + 1, summary.rows(), simulated[run], constant[run],
                    replayed[run]);
        }
        clear(dir);
        double sim = median(simulated);
        System.out.printf(Locale.ROOT, "simulator      %,12.0f rows/s (median)%n", sim);
        System.out.printf(Locale.ROOT, "constant rows  %,12.0f rows/s   simulator/constant = %.2f%n", median(constant),
                sim / median(constant));
        System.out.printf(Locale.ROOT, "replayed rows  %,12.0f rows/s   simulator/replayed = %.2f%n", median(replayed),
                sim / median(replayed));
    }

    /**
     * Writes as many files as the simulation did, each with as many rows, by repeating
     * {@code rows} (whole lines) through {@link FastGzip}; returns rows per second.
     */
    private static double writeBaseline(Path dir, long[] rowsPerFile, int threads, byte[] rows) throws Exception {
        Files.createDirectories(dir);
        int[] lineEnds = lineEnds(rows);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> tasks = new ArrayList<>();
            for (int f = 0; f < rowsPerFile.length; f++) {
                Path file = dir.resolve("baseline_" + f + ".csv.gz");
                long target = rowsPerFile[f];
                tasks.add(pool.submit(() -> {
                    try (OutputStream out = FastGzip.create(file)) {
                        out.write(HEADER);
                        long left = target;
                        while (left >= lineEnds.length) {
                            out.write(rows);
                            left -= lineEnds.length;
                        }
                        if (left > 0) {
                            out.write(rows, 0, lineEnds[(int) left - 1] + 1);
                        }
                    }
                    return target;
                }));
            }
            long total = 0;
            for (Future<Long> task : tasks) {
                total += task.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[] lineEnds(byte[] rows) {
        int count = 0;
        for (byte b : rows) {
            if (b == '\n') {
                count++;
            }
        }
        int[] ends = new int[count];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == '\n') {
                ends[n++] = i;
            }
        }
        return ends;
    }

    private static long[] rowsPerFile(Path simDir) throws IOException {
        try (Stream<Path> files = Files.list(simDir.resolve("operator"))) {
            return files.sorted().mapToLong(SimulatorThroughput::countRows).toArray();
        }
    }

    /** The rows (without the header) of the largest operator file. */
    private static byte[] sampleRows(Path simDir) throws IOException {
        Path largest;
        try (Stream<Path> files = Files.list(simDir.resolve("operator"))) {
            largest = files.max(Comparator.comparingLong(SimulatorThroughput::size)).orElseThrow();
        }
        byte[] content = gunzip(largest);
        return Arrays.copyOfRange(content, HEADER.length, content.length);
    }

    private static long countRows(Path file) {
        byte[] content = gunzip(file);
        long lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines - 1;
    }

    private static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
