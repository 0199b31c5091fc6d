package org.ceir.appeals.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.ceir.store.Database;

/**
 * The article's report as a service, for those that ask for it again and again (the console's
 * dashboard, {@code ceir report}): the register's zone and currency and a clock, fixed once.
 */
public final class ArticleReports {
    private final Database database;
    private final ZoneId zone;
    private final String currency;
    private final Clock clock;

    /**
     * @param zone     the register's time zone: days begin at midnight there
     * @param currency the currency duties are paid in (ISO 4217), for the per-day duty series
     */
    public ArticleReports(Database database, ZoneId zone, String currency, Clock clock) {
        this.database = database;
        this.zone = zone;
        this.currency = currency;
        this.clock = clock;
    }

    /** Today in the register's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The currency the per-day duty series is in. */
    public String currency() {
        return currency;
    }

    /** The article's window ending {@code to}: three months, both ends included. */
    public static LocalDate threeMonthsBefore(LocalDate to) {
        return to.minusMonths(ArticleReportQueries.NUMBERS_MONTHS).plusDays(1);
    }

    /** The report for {@code from} to {@code to}, outcomes as of today; see {@link ArticleReport#compute}. */
    public ArticleReport report(LocalDate from, LocalDate to) {
        return ArticleReport.compute(database, zone, currency, from, to, today());
    }
}
