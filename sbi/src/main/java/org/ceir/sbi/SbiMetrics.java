package org.ceir.sbi;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The server's meters, all registered up front so that counting an answer is one increment of a
 * counter already in hand: no tag lookup, no allocation on the hot path.
 *
 * <ul>
 *   <li>{@code ceir.sbi.responses{status, result}}: answers by HTTP status and by equipment status
 *       (200) or ProblemDetails cause;</li>
 *   <li>{@code ceir.sbi.connections.active} and {@code ceir.sbi.connections.refused} (over
 *       {@code sbi.max-connections});</li>
 *   <li>{@code ceir.sbi.protocol.errors{level}}: HTTP/2 errors that reset a stream or close a
 *       connection (refused streams, malformed frames, oversized headers, resets by the peer).</li>
 * </ul>
 */
final class SbiMetrics {
    private final Map<ResponseKind, Counter> responses = new EnumMap<>(ResponseKind.class);
    private final Counter[] byKind;
    private final Counter refusedConnections;
    private final Counter streamErrors;
    private final Counter connectionErrors;
    private final AtomicInteger activeConnections = new AtomicInteger();

    SbiMetrics(MeterRegistry registry) {
        for (ResponseKind kind : ResponseKind.values()) {
            responses.put(kind, Counter.builder("ceir.sbi.responses")
                    .description("N5g-eir answers by HTTP status and equipment status or cause")
                    .tag("status", Integer.toString(kind.status()))
                    .tag("result", kind.tag())
                    .register(registry));
        }
        byKind = responses.values().toArray(new Counter[0]);
        refusedConnections = Counter.builder("ceir.sbi.connections.refused")
                .description("N5g-eir connections closed on accept because sbi.max-connections were open")
                .register(registry);
        streamErrors = Counter.builder("ceir.sbi.protocol.errors").tag("level", "stream")
                .description("HTTP/2 errors on the N5g-eir interface").register(registry);
        connectionErrors = Counter.builder("ceir.sbi.protocol.errors").tag("level", "connection")
                .description("HTTP/2 errors on the N5g-eir interface").register(registry);
        Gauge.builder("ceir.sbi.connections.active", activeConnections, AtomicInteger::get)
                .description("N5g-eir connections open now").register(registry);
    }

    void answered(ResponseKind kind) {
        byKind[kind.ordinal()].increment();
    }

    /** Counts a new connection; false (and counted as refused) when the limit is reached. */
    boolean tryOpen(int limit) {
        while (true) {
            int open = activeConnections.get();
            if (open >= limit) {
                refusedConnections.increment();
                return false;
            }
            if (activeConnections.compareAndSet(open, open + 1)) {
                return true;
            }
        }
    }

    void closed() {
        activeConnections.decrementAndGet();
    }

    int activeConnections() {
        return activeConnections.get();
    }

    void streamError() {
        streamErrors.increment();
    }

    void connectionError() {
        connectionErrors.increment();
    }
}
