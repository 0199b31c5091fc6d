package org.ceir.diameter;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-End identifiers as RFC 6733 §3 suggests: the high 12 bits from the clock at start, the
 * low 20 random, then counting up, so that identifiers stay unique across restarts for a while.
 */
final class Identifiers {
    private final AtomicInteger next;

    Identifiers() {
        int clock = (int) (System.currentTimeMillis() / 1000) & 0xfff;
        next = new AtomicInteger(clock << 20 | ThreadLocalRandom.current().nextInt(1 << 20));
    }

    int nextEndToEnd() {
        return next.getAndIncrement();
    }

    /** A random starting Hop-by-Hop identifier for a new connection (RFC 6733 §3). */
    static int firstHopByHop() {
        return ThreadLocalRandom.current().nextInt();
    }
}
