package org.ceir.eir;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The paired white list: a set of (IMEI key, SIM key) pairs that many threads query while one
 * thread writes. Built like {@link ImeiTable} (two {@code long}s per slot, release/acquire
 * publication, a volatile array replaced when rebuilt), plus removal, because pairings are lifted.
 *
 * <p>A removed pair leaves a tombstone (key -1) that probes walk past. A tombstone is never reused
 * in place: a reader that had just read the old key could then read a new SIM beside it and see a
 * pair that never existed. Tombstones are dropped when the set is rebuilt, which happens when live
 * pairs and tombstones together pass three quarters of the slots.
 *
 * <p>A SIM key is an IMSI's {@link org.ceir.core.identity.Imsi#key(CharSequence) key}, or an
 * MSISDN's with {@link #MSISDN} set, for pairings recorded by number only.
 */
final class PairingSet {
    /** Marks a SIM key that is an MSISDN, not an IMSI. */
    static final long MSISDN = 1L << 62;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long REMOVED = -1;
    private static final double MAX_LOAD = 0.75;
    private static final double LOAD_AFTER_REBUILD = 0.5;
    private static final int MIN_CAPACITY = 16;

    private volatile long[] slots;
    private int live;
    private int used;
    private int rebuildAt;

    PairingSet(long expected) {
        allocate(capacityFor(expected));
    }

    /** Whether the SIM is paired with the IMEI. Safe from any thread; never allocates. */
    boolean contains(long imei, long sim) {
        long[] table = slots;
        int capacity = table.length >>> 1;
        long stored = imei + 1;
        int slot = slotOf(imei, sim, capacity);
        while (true) {
            long found = (long) SLOT.getAcquire(table, slot << 1);
            if (found == stored && (long) SLOT.getAcquire(table, (slot << 1) + 1) == sim) {
                return true;
            }
            if (found == 0) {
                return false;
            }
            if (++slot == capacity) {
                slot = 0;
            }
        }
    }

    /** Adds a pair; returns false when it was there. Writer thread only. */
    boolean add(long imei, long sim) {
        if (imei < 0) {
            throw new IllegalArgumentException("an IMEI key is not negative: " + imei);
        }
        if (contains(imei, sim)) {
            return false;
        }
        if (used >= rebuildAt) {
            rebuild(live + 1L);
        }
        long[] table = slots;
        int capacity = table.length >>> 1;
        int slot = slotOf(imei, sim, capacity);
        while ((long) SLOT.getAcquire(table, slot << 1) != 0) {
            if (++slot == capacity) {
                slot = 0;
            }
        }
        SLOT.setRelease(table, (slot << 1) + 1, sim);
        SLOT.setRelease(table, slot << 1, imei + 1);
        live++;
        used++;
        return true;
    }

    /** Removes a pair; returns false when it was not there. Writer thread only. */
    boolean remove(long imei, long sim) {
        long[] table = slots;
        int capacity = table.length >>> 1;
        long stored = imei + 1;
        int slot = slotOf(imei, sim, capacity);
        while (true) {
            long found = table[slot << 1];
            if (found == stored && table[(slot << 1) + 1] == sim) {
                SLOT.setRelease(table, slot << 1, REMOVED);
                live--;
                return true;
            }
            if (found == 0) {
                return false;
            }
            if (++slot == capacity) {
                slot = 0;
            }
        }
    }

    /** How many pairs the set holds. Writer thread only. */
    int size() {
        return live;
    }

    /** The bytes of the slot array, for the memory figures. */
    long bytes() {
        return 8L * slots.length;
    }

    static int slotOf(long imei, long sim, int capacity) {
        long hash = (imei * 0x9E3779B97F4A7C15L ^ sim * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L >>> 32;
        return (int) (hash * capacity >>> 32);
    }

    private static int capacityFor(long pairs) {
        long capacity = (long) Math.ceil(Math.max(pairs, 1) / LOAD_AFTER_REBUILD);
        if (capacity > 1 << 30) {
            throw new IllegalStateException("too many pairings for one engine: " + pairs);
        }
        return (int) Math.max(MIN_CAPACITY, capacity);
    }

    private void allocate(int capacity) {
        slots = new long[capacity << 1];
        used = 0;
        rebuildAt = (int) (capacity * MAX_LOAD);
    }

    private void rebuild(long expected) {
        long[] old = slots;
        int capacity = capacityFor(expected);
        long[] table = new long[capacity << 1];
        for (int i = 0; i < old.length; i += 2) {
            long stored = old[i];
            if (stored == 0 || stored == REMOVED) {
                continue;
            }
            int slot = slotOf(stored - 1, old[i + 1], capacity);
            while (table[slot << 1] != 0) {
                if (++slot == capacity) {
                    slot = 0;
                }
            }
            table[slot << 1] = stored;
            table[(slot << 1) + 1] = old[i + 1];
        }
        used = live;
        rebuildAt = (int) (capacity * MAX_LOAD);
        slots = table; // volatile write: publishes the filled array to readers
    }
}
