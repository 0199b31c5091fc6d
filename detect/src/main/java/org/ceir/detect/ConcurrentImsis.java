package org.ceir.detect;

/**
 * ceir's {@code concurrent_imsis}: on at least {@code min_days} days inside the period, at least
 * {@code min_imsis} different valid IMSIs used the IMEI on the same day. One phone holds one or
 * two SIMs at a time; a copied IMEI shows as many as the phones that carry it, day after day,
 * while a SIM swap, a resale or a family sharing one phone shows one SIM at a time (two on the
 * day of a switch).
 */
record ConcurrentImsis(int minImsis, int minDays, Period period) implements Dimension {
    static ConcurrentImsis of(Parameters p) {
        return new ConcurrentImsis(p.integer("min_imsis", -1, 2), p.integer("min_days", 1, 1), p.period("period_days"));
    }

    @Override
    public String name() {
        return "concurrent_imsis";
    }

    @Override
    public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
        return history.validSims >= minImsis && history.daysWithAtLeast(minImsis, window) >= minDays;
    }
}
