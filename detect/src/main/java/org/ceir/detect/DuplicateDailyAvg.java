package org.ceir.detect;

import java.math.BigDecimal;

/**
 * DIRBS's {@code duplicate_daily_avg}: with {@code days_seen} the days inside the period on which
 * the IMEI was seen with any valid IMSI, and {@code imsi_days} the sum over its valid IMSIs of the
 * days each was seen (a pair seen by two operators on one day counts once), it matches when
 * {@code days_seen ≥ min_seen_days} and {@code imsi_days / days_seen ≥ threshold}. The ratio is
 * compared exactly, as a fraction: {@code imsi_days × 10^s ≥ unscaled(threshold) × days_seen}.
 */
record DuplicateDailyAvg(BigDecimal threshold, Period period, int minSeenDays, boolean useMsisdn)
        implements Dimension {
    static DuplicateDailyAvg of(Parameters p) {
        return new DuplicateDailyAvg(p.decimal("threshold", BigDecimal.ZERO), p.period("period_days"),
                p.integer("min_seen_days", -1, 0), p.bool("use_msisdn", false));
    }

    DuplicateDailyAvg {
        if (period.days() > 0 && minSeenDays > period.days()) {
            throw new IllegalArgumentException("duplicate_daily_avg: min_seen_days " + minSeenDays
                    + " is more than period_days " + period.days());
        }
    }

    @Override
    public String name() {
        return "duplicate_daily_avg";
    }

    @Override
    public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
        long sum;
        long daysSeen;
        if (useMsisdn) {
            long[] counts = history.msisdnDaysWithin(window);
            sum = counts[0];
            daysSeen = counts[1];
        } else {
            if (history.validSims == 0) {
                return false;
            }
            daysSeen = DayMask.countWithin(history.validDays, 0, window);
            sum = 0;
            for (int sim = 0; sim < history.sims; sim++) {
                if (history.simValid[sim]) {
                    sum += DayMask.countWithin(history.simDays, sim * history.words, window);
                }
            }
        }
        if (daysSeen == 0 || daysSeen < minSeenDays) {
            return false;
        }
        long scale = 1;
        for (int i = 0; i < threshold.scale(); i++) {
            scale *= 10;
        }
        return sum * scale >= threshold.unscaledValue().longValueExact() * daysSeen;
    }
}
