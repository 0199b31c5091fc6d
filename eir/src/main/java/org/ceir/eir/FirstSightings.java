package org.ceir.eir;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * IMEIs that checks met for the first time, waiting for the writer thread to put them in the
 * register: a fixed lock-free set that any number of checking threads add to and one thread
 * drains.
 *
 * <p>By hand because the JDK has no primitive concurrent queue, and the one library that does
 * (Agrona's ring buffer) reaches for {@code sun.misc.Unsafe}, which JDK 24+ warns about. A set
 * rather than a queue also absorbs a device that attaches again and again before the writer runs:
 * it takes one slot, not one per check. Adding is a CAS on an empty slot within a short probe;
 * when the probe finds no room the sighting is dropped and counted, and the device's next check
 * offers it again, so nothing is lost for good and a flood of made-up IMEIs cannot grow memory.
 */
final class FirstSightings {
    private static final int PROBES = 16;

    private final AtomicLongArray slots;
    private final int mask;
    private final int shift;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();

    /** A set of {@code capacity} slots, rounded up to a power of two. */
    FirstSightings(int capacity) {
        int size = Integer.highestOneBit(Math.max(64, capacity) - 1) << 1;
        slots = new AtomicLongArray(size);
        mask = size - 1;
        shift = 64 - Integer.numberOfTrailingZeros(size);
    }

    /** Offers an IMEI key; returns false when there was no room (counted in {@link #dropped}). Any thread. */
    boolean offer(long imei) {
        long stored = imei + 1;
        int slot = (int) ((imei * 0x9E3779B97F4A7C15L) >>> shift);
        for (int probe = 0; probe < PROBES; probe++) {
            long found = slots.get(slot);
            if (found == stored) {
                return true;
            }
            if (found == 0 && slots.compareAndSet(slot, 0, stored)) {
                pending.incrementAndGet();
                return true;
            }
            if (slots.get(slot) == stored) {
                return true;
            }
            slot = slot + 1 & mask;
        }
        dropped.increment();
        return false;
    }

    /** Hands every waiting IMEI to {@code sink} and empties the set. The draining thread only. */
    int drain(KeySink sink) {
        if (pending.get() == 0) {
            return 0;
        }
        int drained = 0;
        for (int slot = 0; slot <= mask; slot++) {
            if (slots.get(slot) != 0) {
                long stored = slots.getAndSet(slot, 0);
                if (stored != 0) {
                    sink.accept(stored - 1);
                    drained++;
                }
            }
        }
        pending.addAndGet(-drained);
        return drained;
    }

    /** Sightings dropped because the set was full, since the start. */
    long dropped() {
        return dropped.sum();
    }

    /** Receives drained IMEI keys. */
    @FunctionalInterface
    interface KeySink {
        void accept(long imei);
    }
}
