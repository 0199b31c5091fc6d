package org.ceir.detect;

/**
 * DIRBS's {@code duplicate_threshold}: the IMEI was seen with at least {@code threshold} distinct
 * valid IMSIs (14–15 digits), or MSISDNs (12–15 digits) with {@code use_msisdn}, on days inside
 * the period. Unlike DIRBS, which counts a monthly row whose first and last days straddle the
 * window, only days inside the window count.
 */
record DuplicateThreshold(int threshold, Period period, boolean useMsisdn) implements Dimension {
    static DuplicateThreshold of(Parameters p) {
        return new DuplicateThreshold(p.integer("threshold", -1, 1), p.period("period_days"),
                p.bool("use_msisdn", false));
    }

    @Override
    public String name() {
        return "duplicate_threshold";
    }

    @Override
    public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
        if (useMsisdn) {
            return history.validMsisdnsWithin(window) >= threshold;
        }
        return history.validSims >= threshold && history.validSimsWithin(window) >= threshold;
    }
}
