package org.ceir.appeals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/** Counts working days: not a weekend day, not a yearly holiday, not a one-off day off. */
final class WorkingDays {
    private final Set<DayOfWeek> weekend;
    private final Set<MonthDay> yearly;
    private final Set<LocalDate> once;

    WorkingDays(Set<DayOfWeek> weekend, Set<MonthDay> yearly, Set<LocalDate> once) {
        this.weekend = Set.copyOf(weekend);
        this.yearly = Set.copyOf(yearly);
        this.once = Set.copyOf(once);
    }

    boolean working(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !yearly.contains(MonthDay.from(day)) && !once.contains(day);
    }

    /** The day {@code days} working days after {@code from} (the day itself does not count). */
    LocalDate after(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (working(day)) {
                left--;
            }
        }
        return day;
    }
}
