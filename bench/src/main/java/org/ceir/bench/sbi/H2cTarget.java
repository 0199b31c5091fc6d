package org.ceir.bench.sbi;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.identity.Imei;
import org.ceir.sbi.N5gEirServer;
import org.ceir.sbi.SbiSettings;

/**
 * Starts one of the two h2c servers the N5g-eir benchmark compares, on 127.0.0.1, and serves until
 * killed:
 * <ul>
 *   <li>{@code n5g-eir PORT THREADS}: {@link N5gEirServer} over {@link TrivialCheck}, so that the
 *       figure is the interface's cost (h2c, query parsing and validation, answer, counters) and
 *       not the engine's;</li>
 *   <li>{@code constant PORT THREADS}: {@link BareH2cServer}, Netty's h2c answering the same 200
 *       body to anything: the ceiling this interface can reach on this machine.</li>
 * </ul>
 * Run: {@code java -cp bench/target/benchmarks.jar org.ceir.bench.sbi.H2cTarget n5g-eir 18081 1};
 * normally {@code bench/scripts/n5g-eir-h2load.sh} does.
 */
public final class H2cTarget {
    private H2cTarget() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("n5g-eir") || args[0].equals("constant"))) {
            System.err.println("usage: H2cTarget n5g-eir|constant PORT THREADS");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        AutoCloseable server;
        int bound;
        if (args[0].equals("n5g-eir")) {
            SbiSettings settings = new SbiSettings("127.0.0.1", port, threads, 1024, 256, 8192, 2048, 0, Map.of());
            N5gEirServer n5gEir = new N5gEirServer(settings, new TrivialCheck(), new SimpleMeterRegistry());
            bound = n5gEir.start();
            server = n5gEir;
        } else {
            BareH2cServer bare = new BareH2cServer(port, threads);
            bound = bare.start();
            server = bare;
        }
        System.out.println("listening " + args[0] + " " + bound);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    /**
     * An in-memory check as cheap as one can be made: the IMEI's key decides (a registered tenth, a
     * stolen tenth, the rest in grace), so each answer class is exercised and nothing is looked up.
     */
    static final class TrivialCheck implements EquipmentCheck {
        @Override
        public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
            long key = Imei.networkKey(imei);
            if (key == Imei.UNUSABLE) {
                return Verdict.of(Outcome.GREYLISTED, CheckReason.MALFORMED_IMEI, 0);
            }
            switch ((int) (key % 10)) {
                case 0:
                    return Verdict.of(Outcome.WHITELISTED, CheckReason.REGISTERED, 0);
                case 1:
                    return Verdict.of(Outcome.BLACKLISTED, CheckReason.STOLEN, 0);
                default:
                    return Verdict.of(Outcome.GREYLISTED, CheckReason.UNREGISTERED_GRACE, 20);
            }
        }

        @Override
        public DeviceState describe(long imei) {
            throw new UnsupportedOperationException("the benchmark only checks");
        }
    }
}
