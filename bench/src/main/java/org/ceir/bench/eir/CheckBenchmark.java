package org.ceir.bench.eir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;
import org.ceir.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Device checks per second on one thread: {@link #check} is the whole engine path (parse the IMEI,
 * look the device up, decide, look the pairing up for clones, count), {@link #baselineLookup} is
 * the floor it stands on: read the same request (IMEI and IMSI) and do one fastutil primitive-map
 * lookup of the IMEI in a map of the same size. Reading the IMSI matters: with a million different
 * requests their strings miss the cache too, which a real server, having just decoded them, does
 * not; the baseline pays that as the engine does, so the difference is the deciding. Requests replay checks drawn from the register ({@link SyntheticRegister}); see
 * {@link #requests} for why two sizes.
 *
 * <p>Run (the register is made in PostgreSQL once per size and kept under ceir.bench.dir):
 * <pre>
 * mvn -B -ntp -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar CheckBenchmark -p imeis=10000000 -prof gc
 * </pre>
 * or {@code bench/scripts/eir.sh}, which runs all the engine's figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
@Threads(1)
public class CheckBenchmark {
    @Param({"1000000"})
    long imeis;

    /**
     * How many different checks are replayed: 65,536 devices' table slots fit the CPU's last-level
     * cache (the cost of deciding), 1,048,576 do not (the cost of a national register, where every
     * check is a trip to memory).
     */
    @Param({"65536", "1048576"})
    int requests;

    private Database database;
    private CheckEngine engine;
    private Long2LongOpenHashMap baseline;
    private String[] imeiRequests;
    private String[] imsiRequests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Path.of(System.getProperty("ceir.bench.dir", "/tmp/ceir-bench-eir")).resolve("register-" + imeis);
        database = SyntheticRegister.open(dir, imeis, line -> System.err.println("ceir: " + line));
        engine = CheckEngine.start(database, EirSettings.defaults(), Country.azerbaijan(), new SimpleMeterRegistry(),
                line -> System.err.println("ceir: " + line));
        baseline = new Long2LongOpenHashMap((int) imeis);
        for (long g = 0; g < imeis; g++) {
            baseline.put(SyntheticRegister.imei(g), g);
        }
        SyntheticRegister.Requests replayed = SyntheticRegister.requests(imeis, requests, 42);
        imeiRequests = replayed.imeis();
        imsiRequests = replayed.imsis();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        database.close();
    }

    @Benchmark
    public int check() {
        int i = next++ & requests - 1;
        return engine.check(imeiRequests[i], imsiRequests[i], null, SyntheticRegister.OPERATOR);
    }

    @Benchmark
    public long baselineLookup() {
        int i = next++ & requests - 1;
        return baseline.get(Imei.networkKey(imeiRequests[i])) + imsiRequests[i].charAt(0);
    }
}
