package org.ceir.detect;

import java.util.Arrays;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Everything the network saw of one IMEI in the run's range, merged per SIM: which days each IMSI
 * was seen (across operators and months, so a pair seen by two operators on one day counts once),
 * on which operators and radios. One instance is reused for IMEI after IMEI; derived views (per-day
 * counts, MSISDNs) are computed only when a dimension asks, because most IMEIs have one SIM and
 * are decided by their SIM count alone.
 */
final class ImeiHistory {
    static final long NO_KEY = -1;

    final TripletTable table;
    final int words;
    final int days;

    long imei;
    int[] rows = new int[16];
    int rowCount;

    /** SIMs, one per distinct IMSI key (all unusable IMSIs share key -1), sorted by key. */
    int sims;
    long[] simImsi = new long[8];
    boolean[] simValid = new boolean[8];
    int[] simRowStart = new int[9];
    long[] simDays;
    long[] simOperators = new long[8];
    int validSims;

    /** Days with any row, and with a row of a valid IMSI. */
    final long[] anyDays;
    final long[] validDays;

    private int[] perDay;
    private boolean perDayReady;

    private int msisdns;
    private long[] msisdnKey = new long[8];
    private long[] msisdnDays;
    private boolean msisdnsReady;

    ImeiHistory(TripletTable table) {
        this.table = table;
        this.words = table.words;
        this.days = table.range.days();
        this.simDays = new long[8 * words];
        this.msisdnDays = new long[8 * words];
        this.anyDays = new long[words];
        this.validDays = new long[words];
        this.perDay = new int[days];
    }

    /** Loads the IMEI whose rows are {@code order[from..to)}. */
    void load(int[] order, int from, int to) {
        rowCount = to - from;
        if (rows.length < rowCount) {
            rows = new int[Math.max(rowCount, rows.length * 2)];
        }
        System.arraycopy(order, from, rows, 0, rowCount);
        long[] imsiOf = table.imsi;
        if (rowCount > 1) {
            IntArrays.quickSort(rows, 0, rowCount, (a, b) -> Long.compare(imsiOf[a], imsiOf[b]));
        }
        imei = table.imei[rows[0]];
        Arrays.fill(anyDays, 0);
        Arrays.fill(validDays, 0);
        sims = 0;
        validSims = 0;
        perDayReady = false;
        msisdnsReady = false;
        for (int i = 0; i < rowCount; i++) {
            int row = rows[i];
            long key = imsiOf[row];
            if (sims == 0 || simImsi[sims - 1] != key) {
                startSim(key, i);
            }
            int sim = sims - 1;
            DayMask.or(simDays, sim * words, table.days, row * words, words);
            simOperators[sim] |= 1L << table.operator[row];
            DayMask.or(anyDays, 0, table.days, row * words, words);
        }
        simRowStart[sims] = rowCount;
        for (int sim = 0; sim < sims; sim++) {
            if (simValid[sim]) {
                validSims++;
                DayMask.or(validDays, 0, simDays, sim * words, words);
            }
        }
    }

    private void startSim(long key, int rowIndex) {
        if (sims == simImsi.length) {
            int capacity = sims * 2;
            simImsi = Arrays.copyOf(simImsi, capacity);
            simValid = Arrays.copyOf(simValid, capacity);
            simRowStart = Arrays.copyOf(simRowStart, capacity + 1);
            simDays = Arrays.copyOf(simDays, capacity * words);
            simOperators = Arrays.copyOf(simOperators, capacity);
        }
        simImsi[sims] = key;
        simValid[sims] = isValidImsi(key);
        simRowStart[sims] = rowIndex;
        simOperators[sims] = 0;
        Arrays.fill(simDays, sims * words, (sims + 1) * words, 0);
        sims++;
    }

    /** DIRBS counts an IMSI only when it has 14 or 15 digits. */
    static boolean isValidImsi(long key) {
        long length = key / 1_000_000_000_000_000L;
        return key >= 0 && (length == 14 || length == 15);
    }

    /** DIRBS counts an MSISDN only when it has 12 to 15 digits. */
    static boolean isValidMsisdn(long key) {
        long length = key / 1_000_000_000_000_000L;
        return key >= 0 && length >= 12 && length <= 15;
    }

    /** The IMSI's Mobile Country Code as a number, from its length-preserving key. */
    static int mcc(long key) {
        int length = (int) (key / 1_000_000_000_000_000L);
        long value = key % 1_000_000_000_000_000L;
        long divisor = 1;
        for (int i = 3; i < length; i++) {
            divisor *= 10;
        }
        return (int) (value / divisor);
    }

    /** How many valid IMSIs were seen on each day of the range. */
    int[] imsisPerDay() {
        if (!perDayReady) {
            Arrays.fill(perDay, 0);
            for (int sim = 0; sim < sims; sim++) {
                if (!simValid[sim]) {
                    continue;
                }
                int base = sim * words;
                for (int w = 0; w < words; w++) {
                    long bits = simDays[base + w];
                    while (bits != 0) {
                        perDay[(w << 6) + Long.numberOfTrailingZeros(bits)]++;
                        bits &= bits - 1;
                    }
                }
            }
            perDayReady = true;
        }
        return perDay;
    }

    /** Distinct valid IMSIs seen on a day inside {@code window}. */
    int validSimsWithin(long[] window) {
        int count = 0;
        for (int sim = 0; sim < sims; sim++) {
            if (simValid[sim] && DayMask.intersects(simDays, sim * words, window)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns: how often an IMSI came back after a gap in which another IMSI used the phone
     * (A…B…A). One SIM following another (a swap, a resale) never returns; SIMs used side by side
     * every day do not either: that is concurrency, measured apart.
     */
    int returnsWithin(long[] window) {
        if (validSims < 2) {
            return 0;
        }
        int[] perDay = imsisPerDay();
        // busy[d]: days before d with any valid IMSI, inside the window
        int[] busyBefore = new int[days + 1];
        for (int d = 0; d < days; d++) {
            busyBefore[d + 1] = busyBefore[d] + (perDay[d] > 0 && DayMask.get(window, 0, d) ? 1 : 0);
        }
        int returns = 0;
        for (int sim = 0; sim < sims; sim++) {
            if (!simValid[sim]) {
                continue;
            }
            int base = sim * words;
            int previous = -1;
            for (int w = 0; w < words; w++) {
                long bits = simDays[base + w] & window[w];
                while (bits != 0) {
                    int day = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (previous >= 0 && day > previous + 1 && busyBefore[day] - busyBefore[previous + 1] > 0) {
                        returns++;
                    }
                    previous = day;
                }
            }
        }
        return returns;
    }

    /** Days inside {@code window} on which at least {@code minImsis} valid IMSIs were seen. */
    int daysWithAtLeast(int minImsis, long[] window) {
        if (validSims < minImsis) {
            return 0;
        }
        int[] perDay = imsisPerDay();
        int count = 0;
        for (int d = 0; d < days; d++) {
            if (perDay[d] >= minImsis && DayMask.get(window, 0, d)) {
                count++;
            }
        }
        return count;
    }

    /** Days inside {@code window} on which rows came from at least {@code minOperators} operators. */
    int multiOperatorDays(int minOperators, long[] window) {
        long operators = 0;
        for (int sim = 0; sim < sims; sim++) {
            operators |= simOperators[sim];
        }
        if (Long.bitCount(operators) < minOperators) {
            return 0;
        }
        int[] count = new int[days];
        long[] seen = new long[words];
        for (int op = 0; op < 64; op++) {
            if ((operators & (1L << op)) == 0) {
                continue;
            }
            Arrays.fill(seen, 0);
            for (int i = 0; i < rowCount; i++) {
                int row = rows[i];
                if (table.operator[row] == op) {
                    DayMask.or(seen, 0, table.days, row * words, words);
                }
            }
            for (int w = 0; w < words; w++) {
                long bits = seen[w] & window[w];
                while (bits != 0) {
                    count[(w << 6) + Long.numberOfTrailingZeros(bits)]++;
                    bits &= bits - 1;
                }
            }
        }
        int result = 0;
        for (int c : count) {
            if (c >= minOperators) {
                result++;
            }
        }
        return result;
    }

    /** The radios seen on rows that have a day inside {@code window}. */
    int ratsWithin(long[] window) {
        int rats = 0;
        for (int i = 0; i < rowCount; i++) {
            int row = rows[i];
            if (DayMask.intersects(table.days, row * words, window)) {
                rats |= table.rat[row];
            }
        }
        return rats;
    }

    /** Distinct valid MSISDNs seen inside {@code window}. */
    int validMsisdnsWithin(long[] window) {
        prepareMsisdns();
        int count = 0;
        for (int m = 0; m < msisdns; m++) {
            if (DayMask.intersects(msisdnDays, m * words, window)) {
                count++;
            }
        }
        return count;
    }

    /** Σ over valid MSISDNs of their days inside {@code window}, and the days any was seen. */
    long[] msisdnDaysWithin(long[] window) {
        prepareMsisdns();
        long sum = 0;
        long[] union = new long[words];
        for (int m = 0; m < msisdns; m++) {
            sum += DayMask.countWithin(msisdnDays, m * words, window);
            DayMask.or(union, 0, msisdnDays, m * words, words);
        }
        return new long[] {sum, DayMask.countWithin(union, 0, window)};
    }

    private void prepareMsisdns() {
        if (msisdnsReady) {
            return;
        }
        int[] byMsisdn = Arrays.copyOf(rows, rowCount);
        long[] msisdnOf = table.msisdn;
        IntArrays.quickSort(byMsisdn, 0, rowCount, (a, b) -> Long.compare(msisdnOf[a], msisdnOf[b]));
        msisdns = 0;
        for (int i = 0; i < rowCount; i++) {
            int row = byMsisdn[i];
            long key = msisdnOf[row];
            if (!isValidMsisdn(key)) {
                continue;
            }
            if (msisdns == 0 || msisdnKey[msisdns - 1] != key) {
                if (msisdns == msisdnKey.length) {
                    msisdnKey = Arrays.copyOf(msisdnKey, msisdns * 2);
                    msisdnDays = Arrays.copyOf(msisdnDays, msisdns * 2 * words);
                }
                msisdnKey[msisdns] = key;
                Arrays.fill(msisdnDays, msisdns * words, (msisdns + 1) * words, 0);
                msisdns++;
            }
            DayMask.or(msisdnDays, (msisdns - 1) * words, table.days, row * words, words);
        }
        msisdnsReady = true;
    }
}
