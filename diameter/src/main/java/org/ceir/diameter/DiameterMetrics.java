package org.ceir.diameter;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.ceir.core.check.Outcome;
import org.ceir.diameter.codec.ResultCode;

/**
 * The S13 server's counters. Those on the hot path are registered up front, so that counting is
 * an add, never a registry lookup.
 *
 * <ul>
 *   <li>{@code ceir.diameter.checks{outcome}}: ECRs answered, by outcome;</li>
 *   <li>{@code ceir.diameter.errors{result}}: requests answered with an error result;</li>
 *   <li>{@code ceir.diameter.disconnects{reason}}: connections the server closed, and why;</li>
 *   <li>{@code ceir.diameter.discarded{reason}}: messages dropped without an answer;</li>
 *   <li>{@code ceir.diameter.check.failures}: checks whose engine threw (answered 5012);</li>
 *   <li>{@code ceir.diameter.connections}: connections open now.</li>
 * </ul>
 */
final class DiameterMetrics {
    private final MeterRegistry registry;
    private final Counter[] checks = new Counter[Outcome.values().length];
    private final Map<CloseReason, Counter> disconnects = new EnumMap<>(CloseReason.class);
    private final Map<ResultCode, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Counter> discarded = new ConcurrentHashMap<>();
    private final Counter checkFailures;
    private final AtomicInteger connections = new AtomicInteger();

    DiameterMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            checks[outcome.ordinal()] = Counter.builder("ceir.diameter.checks")
                    .description("S13 ME identity checks answered, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        for (CloseReason reason : CloseReason.values()) {
            disconnects.put(reason, Counter.builder("ceir.diameter.disconnects")
                    .description("Diameter connections closed by the server, by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
        checkFailures = Counter.builder("ceir.diameter.check.failures")
                .description("S13 checks whose equipment check threw; answered DIAMETER_UNABLE_TO_COMPLY")
                .register(registry);
        Gauge.builder("ceir.diameter.connections", connections, AtomicInteger::get)
                .description("Diameter connections open now")
                .register(registry);
    }

    void check(Outcome outcome) {
        checks[outcome.ordinal()].increment();
    }

    void error(ResultCode result) {
        errors.computeIfAbsent(result, code -> Counter.builder("ceir.diameter.errors")
                .description("Diameter requests answered with an error result")
                .tag("result", code.name())
                .register(registry)).increment();
    }

    void disconnect(CloseReason reason) {
        disconnects.get(reason).increment();
    }

    void discarded(String reason) {
        discarded.computeIfAbsent(reason, tag -> Counter.builder("ceir.diameter.discarded")
                .description("Diameter messages dropped without an answer, by reason")
                .tag("reason", tag)
                .register(registry)).increment();
    }

    void checkFailure() {
        checkFailures.increment();
    }

    /** Counts a connection in; false (and not counted) when {@code limit} are already open. */
    boolean connectionOpened(int limit) {
        while (true) {
            int open = connections.get();
            if (open >= limit) {
                return false;
            }
            if (connections.compareAndSet(open, open + 1)) {
                return true;
            }
        }
    }

    void connectionClosed() {
        connections.decrementAndGet();
    }
}
