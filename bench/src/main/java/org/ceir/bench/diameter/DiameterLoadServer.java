package org.ceir.bench.diameter;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.diameter.DiameterPeer;
import org.ceir.diameter.DiameterSettings;
import org.ceir.diameter.S13Server;

/**
 * One side of the Diameter load (see {@code bench/scripts/diameter-load.sh}): the ceir S13 server
 * with {@link TrivialCheck}, or the canned-answer baseline, on 127.0.0.1. Prints
 * {@code listening PORT} and serves until killed.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.ceir.bench.diameter.DiameterLoadServer s13|canned [PORT [THREADS]]
 * </pre>
 */
public final class DiameterLoadServer {
    static final String HOST = "eir.bench";
    static final String REALM = "bench";

    private DiameterLoadServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || !List.of("s13", "canned").contains(args[0])) {
            System.err.println("usage: DiameterLoadServer s13|canned [PORT [THREADS]]");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        AutoCloseable server;
        int bound;
        if (args[0].equals("s13")) {
            DiameterSettings settings = new DiameterSettings("127.0.0.1", port, HOST, REALM,
                    List.of(new DiameterPeer("", DiameterLoadClient.ORIGIN_REALM, "bench")), 30, 8192, 64, 10, 10, 30,
                    threads);
            S13Server s13 = new S13Server(settings, new TrivialCheck(1 << 16, 97), new SimpleMeterRegistry());
            bound = s13.start();
            server = s13;
        } else {
            CannedEcaServer canned = new CannedEcaServer(threads);
            bound = canned.start("127.0.0.1", port);
            server = canned;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        System.out.println("listening " + bound);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
