package org.ceir.detect;

/**
 * Sets of days of a run's range as bits in {@code long} words: day {@code i} of the range is bit
 * {@code i % 64} of word {@code i / 64}. Masks live in flat arrays at an offset, so that millions
 * of them cost no object each.
 */
final class DayMask {
    private DayMask() {
    }

    static int words(int days) {
        return (days + 63) >>> 6;
    }

    static void set(long[] mask, int offset, int day) {
        mask[offset + (day >>> 6)] |= 1L << day;
    }

    static boolean get(long[] mask, int offset, int day) {
        return (mask[offset + (day >>> 6)] & (1L << day)) != 0;
    }

    static int count(long[] mask, int offset, int words) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(mask[offset + w]);
        }
        return count;
    }

    /** Days in both {@code mask} and {@code window}. */
    static int countWithin(long[] mask, int offset, long[] window) {
        int count = 0;
        for (int w = 0; w < window.length; w++) {
            count += Long.bitCount(mask[offset + w] & window[w]);
        }
        return count;
    }

    static boolean intersects(long[] mask, int offset, long[] window) {
        for (int w = 0; w < window.length; w++) {
            if ((mask[offset + w] & window[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** ORs {@code from} (at its offset) into {@code into} (at its offset). */
    static void or(long[] into, int intoOffset, long[] from, int fromOffset, int words) {
        for (int w = 0; w < words; w++) {
            into[intoOffset + w] |= from[fromOffset + w];
        }
    }

    /** A mask of the days {@code [from, to)}. */
    static long[] range(int words, int from, int to) {
        long[] mask = new long[words];
        for (int day = Math.max(0, from); day < to; day++) {
            set(mask, 0, day);
        }
        return mask;
    }

    static boolean isEmpty(long[] mask, int offset, int words) {
        for (int w = 0; w < words; w++) {
            if (mask[offset + w] != 0) {
                return false;
            }
        }
        return true;
    }
}
