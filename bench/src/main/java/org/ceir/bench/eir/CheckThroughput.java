package org.ceir.bench.eir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.sun.management.ThreadMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;
import org.ceir.store.Database;

/**
 * Checks per second of one thread's CPU time, beside the baseline {@link CheckBenchmark} uses (one
 * fastutil map lookup of the same IMEIs), measured in alternating short bursts so that both see
 * the same machine: on a shared machine, wall-clock rates swing several-fold from minute to minute
 * with the other processes, while CPU time per check hardly does. Each burst also counts the bytes
 * the thread allocated. Figures are medians over the rounds, and the ratio is taken round by round.
 *
 * <pre>
 * java -Xmx4g -XX:+UseTransparentHugePages -cp bench/target/benchmarks.jar \
 *     org.ceir.bench.eir.CheckThroughput [IMEIS] [ROUNDS] [DIR]
 * </pre>
 * IMEIS defaults to 10,000,000, ROUNDS to 30. The checks replayed: 65,536 different ones (their
 * table slots fit the CPU cache) and 1,048,576 (they do not), as in {@link CheckBenchmark}.
 */
public final class CheckThroughput {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int BURST = 2_000_000;
    private static long sink;

    private CheckThroughput() {
    }

    /** A way of answering one replayed check. */
    @FunctionalInterface
    private interface Step {
        long run(int i);
    }

    public static void main(String[] args) throws Exception {
        long imeis = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Path.of(args.length > 2 ? args[2] : "/tmp/ceir-bench-eir").resolve("register-" + imeis);
        try (Database database = SyntheticRegister.open(dir, imeis, line -> System.err.println("ceir: " + line));
             CheckEngine engine = CheckEngine.start(database, EirSettings.defaults(), Country.azerbaijan(),
                     new SimpleMeterRegistry(), line -> System.err.println("ceir: " + line))) {
            Long2LongOpenHashMap baseline = new Long2LongOpenHashMap((int) imeis);
            for (long g = 0; g < imeis; g++) {
                baseline.put(SyntheticRegister.imei(g), g);
            }
            System.out.printf(Locale.ROOT, "checks per CPU-second of one thread, %,d IMEIs, %d rounds of %,d checks%n",
                    imeis, rounds, BURST);
            for (int distinct : new int[] {1 << 16, 1 << 20}) {
                SyntheticRegister.Requests requests = SyntheticRegister.requests(imeis, distinct, 42);
                String[] imeiValues = requests.imeis();
                String[] imsiValues = requests.imsis();
                int mask = distinct - 1;
                Step check = i -> engine.check(imeiValues[i & mask], imsiValues[i & mask], null,
                        SyntheticRegister.OPERATOR);
                // The baseline reads the same request (IMEI and IMSI) as the engine: see CheckBenchmark.
                Step lookup = i -> baseline.get(Imei.networkKey(imeiValues[i & mask])) + imsiValues[i & mask].charAt(0);
                for (int warm = 0; warm < 5; warm++) {
                    burst(check);
                    burst(lookup);
                }
                double[] checkRates = new double[rounds];
                double[] lookupRates = new double[rounds];
                double[] ratios = new double[rounds];
                double[] bytes = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    double[] checked = burst(check);
                    double[] looked = burst(lookup);
                    checkRates[round] = checked[0];
                    lookupRates[round] = looked[0];
                    ratios[round] = checked[0] / looked[0];
                    bytes[round] = checked[1];
                }
                System.out.printf(Locale.ROOT, "  %,9d different checks: engine %5.2f M/s, baseline %5.2f M/s,"
                                + " ratio %.2f (middle half %.2f-%.2f), %.3f bytes allocated a check%n", distinct,
                        median(checkRates) / 1e6, median(lookupRates) / 1e6, median(ratios), quantile(ratios, 0.25),
                        quantile(ratios, 0.75), median(bytes));
            }
            System.out.println(sink == 42 ? "" : "(done)");
        }
    }

    /** Runs one burst; returns checks per CPU-second and bytes allocated per check. */
    private static double[] burst(Step step) {
        long thread = Thread.currentThread().getId();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            sum += step.run(i);
        }
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
        long bytes = THREADS.getThreadAllocatedBytes(thread) - allocated;
        sink += sum;
        return new double[] {BURST / (cpuNanos / 1e9), (double) bytes / BURST};
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
