package org.ceir.detect;

import java.time.LocalDate;

/**
 * How far a dimension looks back from the end of the window: a number of days, or of calendar
 * months (DIRBS's {@code period_days} and {@code period_months}; exactly one is given).
 */
record Period(int days, int months) {
    Period {
        if ((days > 0) == (months > 0)) {
            throw new IllegalArgumentException("give exactly one of period_days and period_months");
        }
    }

    static Period ofDays(int days) {
        return new Period(days, 0);
    }

    static Period ofMonths(int months) {
        return new Period(0, months);
    }

    /** The first day of the period ending (exclusively) on {@code end}. */
    LocalDate start(LocalDate end) {
        return months > 0 ? end.minusMonths(months) : end.minusDays(days);
    }

    @Override
    public String toString() {
        return months > 0 ? months + " month" + (months == 1 ? "" : "s") : days + " day" + (days == 1 ? "" : "s");
    }
}
