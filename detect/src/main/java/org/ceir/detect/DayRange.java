package org.ceir.detect;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days a run reads, {@code [start, end)}: every dimension's window is a suffix of it, because
 * all windows end the day after the as-of day.
 */
record DayRange(LocalDate start, LocalDate end) {
    DayRange {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("empty day range " + start + " to " + end);
        }
    }

    int days() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }

    int words() {
        return DayMask.words(days());
    }

    /** The index of a day in the range (may fall outside {@code [0, days)}). */
    int index(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(start, day);
    }

    LocalDate day(int index) {
        return start.plusDays(index);
    }

    /** The mask of the days from {@code from} to the end of the range. */
    long[] suffix(LocalDate from) {
        return DayMask.range(words(), index(from), days());
    }
}
