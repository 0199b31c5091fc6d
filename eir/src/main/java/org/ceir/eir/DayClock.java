package org.ceir.eir;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Today's date in the register's time zone as a day number, without allocating: the day's bounds
 * in epoch milliseconds are computed once a day (time zones and daylight saving make days of
 * different lengths) and every call in between is a comparison.
 */
final class DayClock {
    private final Clock clock;
    private final ZoneId zone;
    private volatile Day current;

    /** One day: its number (days since 1970-01-01) and its bounds in epoch milliseconds. */
    private record Day(int epochDay, long startMillis, long endMillis) {
    }

    DayClock(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.current = dayOf(clock.millis());
    }

    /** Today, as days since 1970-01-01 in the register's zone. */
    int today() {
        long now = clock.millis();
        Day day = current;
        if (now < day.startMillis || now >= day.endMillis) {
            day = dayOf(now);
            current = day;
        }
        return day.epochDay;
    }

    LocalDate todayDate() {
        return LocalDate.ofEpochDay(today());
    }

    Clock clock() {
        return clock;
    }

    private Day dayOf(long millis) {
        LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
        ZonedDateTime start = date.atStartOfDay(zone);
        ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
        return new Day((int) date.toEpochDay(), start.toInstant().toEpochMilli(), end.toInstant().toEpochMilli());
    }
}
