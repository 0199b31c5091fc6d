package org.ceir.eir;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * IMEI key → packed state ({@link DeviceBits}): an open-addressing hash table of {@code long}
 * pairs that many threads read while one thread writes.
 *
 * <h2>Why by hand</h2>
 * fastutil's and Agrona's primitive maps are not safe to read while another thread writes (a
 * rehash swaps the key and value arrays one after the other, and removal shifts entries under a
 * reader's probe), and copying a 10-million-entry map per change is out of the question. The
 * table therefore keeps to what a single writer can publish safely:
 * <ul>
 *   <li>Each slot is two adjacent {@code long}s, key then value, so a probe reads one cache line.
 *       The key is stored plus one, so that 0 marks an empty slot in a freshly allocated array.</li>
 *   <li>An insert writes the value, then the key, both with release semantics; a reader reads the
 *       key with acquire semantics, so a reader that finds a key also finds its value.</li>
 *   <li>Keys are never removed (a device whose statuses are lifted keeps its first sighting), so
 *       a reader's probe never misses an entry that is present; a value of 0 means "nothing known",
 *       the same as absent.</li>
 *   <li>Growing builds a new array and publishes it through a volatile field; readers still on
 *       the old array see the state just before, which the writer no longer changes.</li>
 * </ul>
 *
 * <p>Memory: 16 bytes per slot, and the table grows to a load of 0.55 when it passes 0.75, so a
 * listed IMEI costs 21 to 29 bytes (the budget is 40). Capacities need not be powers of
 * two: the slot index is the high 32 bits of a Fibonacci hash scaled to the capacity (Lemire's
 * "fastrange"), which is what keeps the load, and so the memory, within that band.
 */
final class ImeiTable {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final double MAX_LOAD = 0.75;
    private static final double LOAD_AFTER_GROWTH = 0.55;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;

    /** Two longs per slot: key + 1 (0 = empty), then the value. Replaced, never resized in place. */
    private volatile long[] slots;
    private int size;
    private int growAt;

    /** A table that holds {@code expected} keys without growing. */
    ImeiTable(long expected) {
        allocate(capacityFor(expected));
    }

    /**
     * The value of {@code key}, or 0 when the table does not hold it. Safe from any thread; never
     * allocates.
     */
    long get(long key) {
        long[] table = slots;
        int capacity = table.length >>> 1;
        long stored = key + 1;
        int slot = slotOf(key, capacity);
        while (true) {
            long found = (long) SLOT.getAcquire(table, slot << 1);
            if (found == stored) {
                return (long) SLOT.getAcquire(table, (slot << 1) + 1);
            }
            if (found == 0) {
                return 0;
            }
            if (++slot == capacity) {
                slot = 0;
            }
        }
    }

    /** Sets the value of {@code key}, inserting it if new. Only the writer thread may call this. */
    void put(long key, long value) {
        if (key < 0) {
            throw new IllegalArgumentException("an IMEI key is not negative: " + key);
        }
        long[] table = slots;
        int capacity = table.length >>> 1;
        long stored = key + 1;
        int slot = slotOf(key, capacity);
        while (true) {
            long found = (long) SLOT.getAcquire(table, slot << 1);
            if (found == stored) {
                SLOT.setRelease(table, (slot << 1) + 1, value);
                return;
            }
            if (found == 0) {
                if (value == 0) {
                    return; // nothing known of a key the table does not hold: nothing to store
                }
                if (size >= growAt) {
                    grow();
                    put(key, value);
                    return;
                }
                SLOT.setRelease(table, (slot << 1) + 1, value);
                SLOT.setRelease(table, slot << 1, stored);
                size++;
                return;
            }
            if (++slot == capacity) {
                slot = 0;
            }
        }
    }

    /** How many keys the table holds. Writer thread only (others read a stale but safe value). */
    int size() {
        return size;
    }

    /** How many slots the table has, for the memory figures. */
    int capacity() {
        return slots.length >>> 1;
    }

    /** The bytes of the slot array. */
    long bytes() {
        return 16L * capacity();
    }

    /** Calls {@code visitor} for every key with a non-zero value. Writer thread only. */
    void forEach(EntryVisitor visitor) {
        long[] table = slots;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 && table[i + 1] != 0) {
                visitor.visit(table[i] - 1, table[i + 1]);
            }
        }
    }

    /** Receives one entry of {@link #forEach}. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(long key, long value);
    }

    static int slotOf(long key, int capacity) {
        long hash = (key * 0x9E3779B97F4A7C15L) >>> 32;
        return (int) (hash * capacity >>> 32);
    }

    static int capacityFor(long keys) {
        long capacity = (long) Math.ceil(Math.max(keys, 1) / LOAD_AFTER_GROWTH);
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("the register has " + keys + " IMEIs; one engine holds at most "
                    + (long) (MAX_CAPACITY * MAX_LOAD));
        }
        return (int) Math.max(MIN_CAPACITY, capacity);
    }

    private void allocate(int capacity) {
        slots = new long[capacity << 1];
        growAt = (int) (capacity * MAX_LOAD);
    }

    private void grow() {
        long[] old = slots;
        long[] table = new long[capacityFor(size + 1L) << 1];
        int capacity = table.length >>> 1;
        int kept = 0;
        for (int i = 0; i < old.length; i += 2) {
            long stored = old[i];
            long value = old[i + 1];
            if (stored == 0 || value == 0) {
                continue; // an entry whose state is "nothing known" is dropped when the table is rebuilt
            }
            int slot = slotOf(stored - 1, capacity);
            while (table[slot << 1] != 0) {
                if (++slot == capacity) {
                    slot = 0;
                }
            }
            table[slot << 1] = stored;
            table[(slot << 1) + 1] = value;
            kept++;
        }
        size = kept;
        growAt = (int) (capacity * MAX_LOAD);
        slots = table; // volatile write: publishes the filled array to readers
    }
}
