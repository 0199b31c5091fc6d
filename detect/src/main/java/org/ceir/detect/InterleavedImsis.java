package org.ceir.detect;

/**
 * ceir's {@code interleaved_imsis}: inside the period, IMSIs came back at least
 * {@code min_switches} times after another IMSI had used the phone in between (A…B…A…B), instead
 * of one following the other as a SIM swap or a resale does (they switch once and never return).
 */
record InterleavedImsis(int minSwitches, Period period) implements Dimension {
    static InterleavedImsis of(Parameters p) {
        return new InterleavedImsis(p.integer("min_switches", -1, 1), p.period("period_days"));
    }

    @Override
    public String name() {
        return "interleaved_imsis";
    }

    @Override
    public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
        return history.validSims >= 2 && history.returnsWithin(window) >= minSwitches;
    }
}
