package org.ceir.bench.eir;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.core.country.Country;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;
import org.ceir.store.Database;

/**
 * Heap held per listed IMEI by the check engine, beside the bare minimum in the same run: one
 * {@code long[]} of keys and one {@code int[]} of states, 12 bytes an IMEI with no way to find one.
 * Each figure is the used heap after a full GC, minus the used heap before; the engine's includes
 * everything it keeps (tables, pairings, catalogue, counters, threads).
 *
 * <p>Run with the heap the issue allows, to show the register fits:
 * <pre>
 * java -Xmx1g -cp bench/target/benchmarks.jar org.ceir.bench.eir.RegisterMemory [IMEIS] [DIR]
 * </pre>
 * IMEIS defaults to 10,000,000; DIR (default /tmp/ceir-bench-eir) keeps the generated register.
 */
public final class RegisterMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RegisterMemory() {
    }

    public static void main(String[] args) throws Exception {
        long imeis = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/ceir-bench-eir").resolve("register-" + imeis);

        long before = usedAfterGc();
        long[] keys = new long[(int) imeis];
        int[] states = new int[(int) imeis];
        for (int g = 0; g < imeis; g++) {
            keys[g] = SyntheticRegister.imei(g);
            states[g] = g;
        }
        long bare = usedAfterGc() - before;
        Reference.reachabilityFence(keys); // measured while still held
        Reference.reachabilityFence(states);
        keys = null;
        states = null;

        try (Database database = SyntheticRegister.open(dir, imeis, line -> System.err.println("ceir: " + line))) {
            long withoutEngine = usedAfterGc();
            long started = System.nanoTime();
            try (CheckEngine engine = CheckEngine.start(database, EirSettings.defaults(), Country.azerbaijan(),
                    new SimpleMeterRegistry(), line -> System.err.println("ceir: " + line))) {
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                long held = usedAfterGc() - withoutEngine;
                System.out.printf("register of %,d listed IMEIs, heap limit %,d MiB%n", imeis,
                        Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf("  baseline long[] + int[]   %,12d bytes  %5.1f bytes/IMEI%n", bare, (double) bare / imeis);
                System.out.printf("  check engine              %,12d bytes  %5.1f bytes/IMEI  (%.2f x baseline)%n",
                        held, (double) held / imeis, (double) held / bare);
                System.out.printf("  loaded in %.1f s; %s%n", loadSeconds, engine.health().detail());
            }
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
