package org.ceir.detect;

/**
 * ceir's {@code multi_operator_same_day}: on at least {@code min_days} days inside the period, the
 * IMEI was seen on at least {@code min_operators} operators' networks on the same day. One phone
 * can do it (a dual-SIM phone with one IMEI for both slots), so it is supporting evidence, not
 * proof.
 */
record MultiOperatorSameDay(int minOperators, int minDays, Period period) implements Dimension {
    static MultiOperatorSameDay of(Parameters p) {
        return new MultiOperatorSameDay(p.integer("min_operators", 2, 2), p.integer("min_days", 1, 1),
                p.period("period_days"));
    }

    @Override
    public String name() {
        return "multi_operator_same_day";
    }

    @Override
    public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
        return history.multiOperatorDays(minOperators, window) >= minDays;
    }
}
