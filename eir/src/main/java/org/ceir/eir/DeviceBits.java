package org.ceir.eir;

/**
 * What the snapshot keeps of one IMEI, packed into a {@code long} so that one atomic read gives a
 * consistent state: status flags in bits 0–7, the first-seen day (days since 1970-01-01) in bits
 * 8–31, and the number of paired SIMs in bits 32–55. Zero means "nothing known", the same as absent.
 */
final class DeviceBits {
    static final long STOLEN = 1L;
    static final long CLONE = 1L << 1;
    static final long SUSPECTED_CLONE = 1L << 2;
    static final long EXEMPT = 1L << 3;
    static final long REGISTERED = 1L << 4;
    static final long SEEN = 1L << 5;
    /** Some active pairing names only an MSISDN, so a check's MSISDN must be looked up too. */
    static final long MSISDN_PAIRING = 1L << 6;

    /** The flags a re-read of the database sets afresh (SEEN is kept: a first sighting never goes away). */
    static final long STATUS_FLAGS = STOLEN | CLONE | SUSPECTED_CLONE | EXEMPT | REGISTERED | MSISDN_PAIRING;

    private static final int DAY_SHIFT = 8;
    private static final long DAY_MASK = 0xff_ffffL;
    private static final int PAIRED_SHIFT = 32;
    private static final long PAIRED_MASK = 0xff_ffffL;

    private DeviceBits() {
    }

    static boolean has(long bits, long flag) {
        return (bits & flag) != 0;
    }

    /** The first-seen day; meaningful only when {@link #SEEN} is set. */
    static int firstSeenDay(long bits) {
        return (int) (bits >>> DAY_SHIFT & DAY_MASK);
    }

    /**
     * Records a first sighting: the earlier of the known day and {@code epochDay}, because
     * operators' files arrive after the day they describe and can only move a first sighting back.
     */
    static long withFirstSeen(long bits, int epochDay) {
        int day = Math.max(0, Math.min((int) DAY_MASK, epochDay));
        if (has(bits, SEEN) && firstSeenDay(bits) <= day) {
            return bits;
        }
        return bits & ~(DAY_MASK << DAY_SHIFT) | SEEN | (long) day << DAY_SHIFT;
    }

    static int pairedSims(long bits) {
        return (int) (bits >>> PAIRED_SHIFT & PAIRED_MASK);
    }

    static long withPairedSims(long bits, int count) {
        long clamped = Math.max(0, Math.min(PAIRED_MASK, count));
        return bits & ~(PAIRED_MASK << PAIRED_SHIFT) | clamped << PAIRED_SHIFT;
    }

    /** The bits of a fresh read of the database merged into the bits held: statuses replaced, first seen kept. */
    static long refreshed(long held, long fresh) {
        long merged = held & ~STATUS_FLAGS & ~(PAIRED_MASK << PAIRED_SHIFT) | fresh & STATUS_FLAGS
                | fresh & PAIRED_MASK << PAIRED_SHIFT;
        return has(fresh, SEEN) ? withFirstSeen(merged, firstSeenDay(fresh)) : merged;
    }
}
