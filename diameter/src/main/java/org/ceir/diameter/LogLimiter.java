package org.ceir.diameter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval for a kind of event, and counts the ones it held back:
 * a peer that reconnects with a bad CER a thousand times a second must not fill the disk. The
 * counters in {@link DiameterMetrics} still count every event.
 */
final class LogLimiter {
    private final long interval;
    private final AtomicLong next;
    private final AtomicLong held = new AtomicLong();

    LogLimiter(Duration interval) {
        this.interval = interval.toNanos();
        this.next = new AtomicLong(System.nanoTime());
    }

    /** How many events were held back since the last one let through, or -1 to hold this one back. */
    long permit() {
        long now = System.nanoTime();
        long due = next.get();
        if (now - due >= 0 && next.compareAndSet(due, now + interval)) {
            return held.getAndSet(0);
        }
        held.incrementAndGet();
        return -1;
    }
}
