package org.ceir.detect;

import java.util.Arrays;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The network triplets of a run's range, in columns: one entry per stored row (month, operator,
 * IMEI, IMSI, MSISDN) that has a day inside the range, its days re-based onto the range. About 50
 * bytes a row, so a national 90-day window of tens of millions of rows fits in a few GiB.
 *
 * <p>IMSIs and MSISDNs are kept as {@link org.ceir.core.identity.Imsi#key(CharSequence)} keys
 * (length-preserving, -1 when absent or not digits); operators as small indexes.
 */
final class TripletTable {
    final DayRange range;
    final int words;
    int size;
    long[] imei;
    long[] imsi;
    long[] msisdn;
    byte[] operator;
    int[] rat;
    long[] days;

    TripletTable(DayRange range, int capacity) {
        this.range = range;
        this.words = range.words();
        int initial = Math.max(16, capacity);
        imei = new long[initial];
        imsi = new long[initial];
        msisdn = new long[initial];
        operator = new byte[initial];
        rat = new int[initial];
        days = new long[initial * words];
    }

    /**
     * Adds a stored row: its month's day bitmask (bit d-1 for day d) is re-based onto the range;
     * a row with no day inside the range is skipped.
     *
     * @param monthOffset the range index of the first day of the row's month
     * @return true when the row was kept
     */
    boolean add(long imeiKey, long imsiKey, long msisdnKey, int operatorIndex, int monthOffset, int dateBitmask,
                int ratMask) {
        if (size == imei.length) {
            grow();
        }
        int base = size * words;
        int total = range.days();
        boolean any = false;
        int bits = dateBitmask;
        while (bits != 0) {
            int bit = Integer.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            int day = monthOffset + bit;
            if (day >= 0 && day < total) {
                days[base + (day >>> 6)] |= 1L << day;
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        imei[size] = imeiKey;
        imsi[size] = imsiKey;
        msisdn[size] = msisdnKey;
        operator[size] = (byte) operatorIndex;
        rat[size] = ratMask;
        size++;
        return true;
    }

    private void grow() {
        int capacity = imei.length + (imei.length >> 1) + 16;
        imei = Arrays.copyOf(imei, capacity);
        imsi = Arrays.copyOf(imsi, capacity);
        msisdn = Arrays.copyOf(msisdn, capacity);
        operator = Arrays.copyOf(operator, capacity);
        rat = Arrays.copyOf(rat, capacity);
        days = Arrays.copyOf(days, capacity * words);
    }

    /** The rows grouped by IMEI: a counting sort through a hash of IMEI keys, linear in the rows. */
    Groups groupByImei() {
        Long2IntOpenHashMap groupOf = new Long2IntOpenHashMap(Math.max(16, size / 2));
        groupOf.defaultReturnValue(-1);
        int[] group = new int[size];
        int groups = 0;
        int[] counts = new int[Math.max(16, size / 2)];
        for (int row = 0; row < size; row++) {
            int g = groupOf.putIfAbsent(imei[row], groups);
            if (g == -1) {
                g = groups++;
                if (g == counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
            }
            group[row] = g;
            counts[g]++;
        }
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + counts[g];
        }
        int[] next = Arrays.copyOf(start, groups);
        int[] order = new int[size];
        for (int row = 0; row < size; row++) {
            order[next[group[row]]++] = row;
        }
        return new Groups(groups, start, order);
    }

    /** Group {@code g}'s rows are {@code order[start[g] .. start[g+1])}. */
    record Groups(int count, int[] start, int[] order) {
    }
}
