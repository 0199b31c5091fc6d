package org.ceir.diameter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.ceir.bench.diameter.CannedAnswers;
import org.ceir.bench.diameter.TrivialCheck;
import org.ceir.core.identity.Luhn;
import org.ceir.diameter.codec.Capabilities;
import org.ceir.diameter.codec.CapabilitiesExchangeRequest;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.MeIdentityCheckRequest;
import org.ceir.diameter.codec.Origin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the S13 door costs per ECR on one core, without the network: a batch of 64 pipelined ECRs
 * through the server's whole pipeline (framing, parsing, the connection's state machine, the
 * check, the ECA's encoding), beside the canned-answer pipeline of the load baseline (framing and
 * a copied answer) measured in the same run. The difference is ceir's own work per check.
 *
 * <p>In {@code org.ceir.diameter} to reach the package-private connection handler, as caffeine's
 * benchmarks sit beside the classes they measure.
 *
 * <pre>
 * mvn -B -ntp -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar S13PipelineBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(S13PipelineBenchmark.BATCH)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseParallelGC"})
public class S13PipelineBenchmark {
    static final int BATCH = 64;
    private static final Origin MME = new Origin("mme.bench.mme", "bench.mme");

    private EmbeddedChannel s13;
    private EmbeddedChannel canned;
    private byte[] batch;

    @Setup
    public void setUp() throws Exception {
        S13Node node = new S13Node(new Origin("eir.bench", "bench"),
                new PeerTable(List.of(new DiameterPeer("", MME.realm(), "bench"))), new TrivialCheck(1 << 16, 97),
                new DiameterMetrics(new SimpleMeterRegistry()),
                new ServerLimits(Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofSeconds(1), 8192, 64));
        s13 = new EmbeddedChannel(false, false);
        S13Server.initPipeline(s13.pipeline(), node);
        s13.register();
        canned = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(8192, 1, 3, -4, 0), new CannedAnswers());
        byte[] cer = DiameterEncoder.toBytes(CapabilitiesExchangeRequest.create(Capabilities.s13(MME,
                List.of(java.net.InetAddress.getLoopbackAddress()), 1, "bench"), 1, 1).toMessage());
        s13.writeInbound(Unpooled.wrappedBuffer(cer));
        canned.writeInbound(Unpooled.wrappedBuffer(cer));
        drain(s13);
        drain(canned);

        ByteBuf ecrs = Unpooled.buffer();
        for (int i = 0; i < BATCH; i++) {
            long body = 35209900000000L + i * 7919L;
            ecrs.writeBytes(DiameterEncoder.toBytes(MeIdentityCheckRequest.create(MME.host() + ";1;" + i, MME,
                    "bench", Long.toString(body) + Luhn.checkDigit(body), null, "400011234567890", i, i).toMessage()));
        }
        batch = new byte[ecrs.readableBytes()];
        ecrs.readBytes(batch);
    }

    /**
     * The same comparison measured in CPU time of this thread rather than wall time, so that other
     * processes on a busy machine do not count: {@code rounds} alternating rounds of
     * {@code batches} batches each after a warm-up, medians printed.
     *
     * <pre>java -cp bench/target/benchmarks.jar org.ceir.diameter.S13PipelineBenchmark [ROUNDS [BATCHES]]</pre>
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        S13PipelineBenchmark bench = new S13PipelineBenchmark();
        bench.setUp();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < batches * 5; i++) {
            bench.s13();
            bench.canned();
        }
        long[] s13 = new long[rounds];
        long[] canned = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < batches; i++) {
                bench.canned();
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < batches; i++) {
                bench.s13();
            }
            long end = threads.getCurrentThreadCpuTime();
            canned[round] = (middle - start) / ((long) batches * BATCH);
            s13[round] = (end - middle) / ((long) batches * BATCH);
        }
        java.util.Arrays.sort(s13);
        java.util.Arrays.sort(canned);
        long s = s13[rounds / 2];
        long c = canned[rounds / 2];
        System.out.printf("CPU per ECR, median of %d rounds of %d ECRs: canned pipeline %d ns, S13 pipeline %d ns"
                + " (ceir's own work %d ns; %.0f checks/s per core for the S13 pipeline alone)%n", rounds,
                batches * BATCH, c, s, s - c, 1e9 / s);
    }

    @Benchmark
    public int s13() {
        return run(s13);
    }

    @Benchmark
    public int canned() {
        return run(canned);
    }

    private int run(EmbeddedChannel channel) {
        channel.writeInbound(Unpooled.wrappedBuffer(batch));
        int answers = drain(channel);
        if (answers != BATCH) {
            throw new IllegalStateException(answers + " answers to " + BATCH + " requests");
        }
        return answers;
    }

    /** Counts the answers written (several may share a buffer) and releases their buffers. */
    private static int drain(EmbeddedChannel channel) {
        int count = 0;
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf buffer = (ByteBuf) out;
            for (int at = buffer.readerIndex(); at < buffer.writerIndex(); at += buffer.getUnsignedMedium(at + 1)) {
                count++;
            }
            buffer.release();
        }
        return count;
    }
}
