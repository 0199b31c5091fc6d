package org.ceir.bench.diameter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.ceir.core.identity.Luhn;
import org.ceir.diameter.S13Client;
import org.ceir.diameter.S13ClientSettings;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.ResultCode;

/**
 * A pipelined S13 load: {@code connections} S13 clients, each keeping {@code window} ECRs in flight
 * (a new one leaves as each answer arrives), for a warm-up and then a measured period. Prints one
 * line: checks per second over the measured period, the latency percentiles from send to answer,
 * how many answers were not DIAMETER_SUCCESS or 5422 (errors), and every answer including the
 * warm-up (total, for working out the server's CPU time per check).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.ceir.bench.diameter.DiameterLoadClient PORT [CONNECTIONS [WINDOW [SECONDS [WARMUP]]]]
 * </pre>
 *
 * Run by {@code bench/scripts/diameter-load.sh} against the S13 server and the canned baseline.
 */
public final class DiameterLoadClient {
    static final String ORIGIN_HOST = "mme.bench.mme";
    static final String ORIGIN_REALM = "bench.mme";

    private DiameterLoadClient() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: DiameterLoadClient PORT [CONNECTIONS [WINDOW [SECONDS [WARMUP]]]]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        List<String> imeis = imeis(4096);
        List<Driver> drivers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            S13Client client = S13Client.connect(new S13ClientSettings("127.0.0.1", port, ORIGIN_HOST, ORIGIN_REALM,
                    DiameterLoadServer.REALM, Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024));
            drivers.add(new Driver(client, window, imeis, i));
        }
        drivers.forEach(Driver::start);
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
        drivers.forEach(Driver::measure);
        long begin = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        drivers.forEach(Driver::stopMeasuring);
        long elapsed = System.nanoTime() - begin;
        drivers.forEach(Driver::stop);

        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        long checks = 0;
        long total = 0;
        long errors = 0;
        for (Driver driver : drivers) {
            driver.done.join();
            latency.add(driver.latency);
            checks += driver.measured;
            total += driver.answered;
            errors += driver.errors;
            driver.client.close();
        }
        System.out.printf("RESULT checks_per_s=%.0f p50_us=%d p99_us=%d checks=%d total=%d errors=%d connections=%d"
                + " window=%d%n", checks * 1e9 / elapsed, latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(99), checks, total, errors, connections, window);
    }

    /** IMEIs with valid check digits, spread so that the server sees every kind of answer. */
    private static List<String> imeis(int count) {
        List<String> imeis = new ArrayList<>(count);
        for (long i = 0; i < count; i++) {
            long body = 35209900000000L + i * 7919;
            imeis.add(Long.toString(body) + Luhn.checkDigit(body));
        }
        return imeis;
    }

    /**
     * One connection's window. Answers complete on the connection's event loop, which sends the
     * next request from there; the counters and the histogram are touched by that thread only
     * while running, and read by the main thread after {@link #done}.
     */
    private static final class Driver {
        final S13Client client;
        final int window;
        final List<String> imeis;
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean measuring;
        volatile boolean stopping;
        long measured;
        long answered;
        long errors;
        int next;

        Driver(S13Client client, int window, List<String> imeis, int offset) {
            this.client = client;
            this.window = window;
            this.imeis = imeis;
            this.next = offset * 1000;
        }

        void start() {
            for (int i = 0; i < window; i++) {
                send();
            }
        }

        void measure() {
            measuring = true;
        }

        void stopMeasuring() {
            measuring = false;
        }

        void stop() {
            stopping = true;
        }

        private void send() {
            inFlight.incrementAndGet();
            String imei = imeis.get(next++ & imeis.size() - 1);
            long sent = System.nanoTime();
            client.check(imei, null).whenComplete((answer, failure) -> answered(sent, answer, failure));
        }

        private void answered(long sent, MeIdentityCheckAnswer answer, Throwable failure) {
            answered++;
            if (measuring) {
                latency.recordValue(Math.min(latency.getHighestTrackableValue(), (System.nanoTime() - sent) / 1000));
                measured++;
                if (failure != null || !answer.result().isSuccess()
                        && !answer.result().equals(ResultCode.EQUIPMENT_UNKNOWN)) {
                    errors++;
                }
            }
            if (inFlight.decrementAndGet() == 0 && stopping) {
                done.complete(null);
            } else if (!stopping && failure == null) {
                send();
            } else if (failure != null && inFlight.get() == 0) {
                done.complete(null);
            }
        }
    }
}
