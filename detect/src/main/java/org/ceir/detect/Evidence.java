package org.ceir.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.ceir.core.identity.Imei;
import org.ceir.core.identity.Imsi;
import org.ceir.core.network.Rat;

/**
 * What a person needs to judge an IMEI, over a run's window: per SIM (IMSI, its MSISDNs and
 * operators) the first and last day and the days active, and for the IMEI the most IMSIs on one
 * day, the days with two or more (overlap) and three or more (crowded), the returns (switches),
 * the operators and radios, and the score. Stored as JSON with each match and each case decision.
 *
 * @param score        SIM-days one phone cannot explain: over the window's days, the IMSIs seen that
 *                     day beyond two (a dual-SIM phone with one IMEI for both slots shows two)
 * @param imsisPerDay  valid IMSIs seen on each day of the window
 */
public record Evidence(String imei, String asOf, String windowStart, String windowEnd, int windowDays, int daysSeen,
                int imsis, int msisdns, int peakImsis, String peakDay, int overlapDays, int crowdedDays,
                int switches, long imsiDays, double dailyAverage, List<String> operators, int multiOperatorDays,
                List<String> rats, double score, List<Sim> sims, int simsOmitted, List<Integer> imsisPerDay) {

    /**
     * One SIM seen with the IMEI.
     *
     * @param pattern one character per day of the window: {@code #} seen, {@code .} not
     */
    public record Sim(String imsi, boolean valid, boolean roamer, List<String> msisdns, List<String> operators,
               String first, String last, int days, String pattern) {
    }

    /** Builds the evidence of the history loaded now, over the days of {@code window} (a suffix of the range). */
    static Evidence of(ImeiHistory h, int windowFrom, List<String> operatorCodes, Lookups lookups, int maxSims) {
        DayRange range = h.table.range;
        long[] window = DayMask.range(h.words, windowFrom, h.days);
        int windowDays = h.days - windowFrom;
        int[] perDay = h.imsisPerDay();
        List<Integer> perDayList = new ArrayList<>(windowDays);
        int peak = 0;
        int peakDay = -1;
        int overlap = 0;
        int crowded = 0;
        double score = 0;
        for (int d = windowFrom; d < h.days; d++) {
            int n = perDay[d];
            perDayList.add(n);
            if (n > peak) {
                peak = n;
                peakDay = d;
            }
            overlap += n >= 2 ? 1 : 0;
            crowded += n >= 3 ? 1 : 0;
            score += Math.max(0, n - 2);
        }
        long imsiDays = 0;
        for (int sim = 0; sim < h.sims; sim++) {
            if (h.simValid[sim]) {
                imsiDays += DayMask.countWithin(h.simDays, sim * h.words, window);
            }
        }
        int daysSeen = DayMask.countWithin(h.validDays, 0, window);
        long operatorsSeen = 0;
        int rats = 0;
        for (int i = 0; i < h.rowCount; i++) {
            int row = h.rows[i];
            if (DayMask.intersects(h.table.days, row * h.words, window)) {
                operatorsSeen |= 1L << h.table.operator[row];
                rats |= h.table.rat[row];
            }
        }
        List<Sim> sims = sims(h, windowFrom, window, operatorCodes, lookups);
        int omitted = Math.max(0, sims.size() - maxSims);
        return new Evidence(Imei.formatKey(h.imei), range.day(h.days - 1).toString(), range.day(windowFrom).toString(),
                range.end().toString(), windowDays, DayMask.countWithin(h.anyDays, 0, window), h.validSimsWithin(window),
                h.validMsisdnsWithin(window), peak, peakDay < 0 ? null : range.day(peakDay).toString(), overlap, crowded,
                h.returnsWithin(window), imsiDays, daysSeen == 0 ? 0 : Math.round(100.0 * imsiDays / daysSeen) / 100.0,
                codes(operatorsSeen, operatorCodes), h.multiOperatorDays(2, window), ratNames(rats), score,
                List.copyOf(sims.subList(0, sims.size() - omitted)), omitted, perDayList);
    }

    private static List<Sim> sims(ImeiHistory h, int windowFrom, long[] window, List<String> operatorCodes,
                                  Lookups lookups) {
        List<Sim> sims = new ArrayList<>();
        for (int sim = 0; sim < h.sims; sim++) {
            int base = sim * h.words;
            int days = DayMask.countWithin(h.simDays, base, window);
            if (days == 0) {
                continue;
            }
            StringBuilder pattern = new StringBuilder(h.days - windowFrom);
            int first = -1;
            int last = -1;
            for (int d = windowFrom; d < h.days; d++) {
                boolean seen = DayMask.get(h.simDays, base, d);
                pattern.append(seen ? '#' : '.');
                if (seen) {
                    first = first < 0 ? d : first;
                    last = d;
                }
            }
            long[] msisdns = new long[h.simRowStart[sim + 1] - h.simRowStart[sim]];
            long operators = 0;
            int n = 0;
            for (int i = h.simRowStart[sim]; i < h.simRowStart[sim + 1]; i++) {
                int row = h.rows[i];
                if (DayMask.intersects(h.table.days, row * h.words, window)) {
                    msisdns[n++] = h.table.msisdn[row];
                    operators |= 1L << h.table.operator[row];
                }
            }
            long key = h.simImsi[sim];
            sims.add(new Sim(key < 0 ? "(none or unusable)" : Imsi.digitsOfKey(key), h.simValid[sim],
                    h.simValid[sim] && !lookups.homeMccs.contains(ImeiHistory.mcc(key)),
                    msisdnList(Arrays.copyOf(msisdns, n)), codes(operators, operatorCodes),
                    h.table.range.day(first).toString(), h.table.range.day(last).toString(), days, pattern.toString()));
        }
        sims.sort(Comparator.comparingInt(Sim::days).reversed().thenComparing(Sim::first).thenComparing(Sim::imsi));
        return sims;
    }

    private static List<String> msisdnList(long[] keys) {
        Arrays.sort(keys);
        List<String> list = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (long key : keys) {
            if (key != previous && key >= 0) {
                list.add(Imsi.digitsOfKey(key));
            }
            previous = key;
        }
        return list;
    }

    private static List<String> codes(long operators, List<String> operatorCodes) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < operatorCodes.size(); i++) {
            if ((operators & (1L << i)) != 0) {
                codes.add(operatorCodes.get(i));
            }
        }
        return codes;
    }

    private static List<String> ratNames(int mask) {
        List<String> names = new ArrayList<>();
        for (Rat rat : Rat.values()) {
            if ((mask & rat.bit()) != 0) {
                names.add(rat.name());
            }
        }
        return names;
    }

    /** Every IMSI seen in the window, as digits (the SIMs a decision is made about). */
    static List<String> imsis(ImeiHistory h, long[] window) {
        List<String> imsis = new ArrayList<>();
        for (int sim = 0; sim < h.sims; sim++) {
            if (h.simImsi[sim] >= 0 && DayMask.intersects(h.simDays, sim * h.words, window)) {
                imsis.add(Imsi.digitsOfKey(h.simImsi[sim]));
            }
        }
        return imsis;
    }
}
