package org.ceir.appeals.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.ceir.appeals.AppealReport;
import org.ceir.store.Database;

/**
 * The article's figures for a period: "8,574 IMEIs given clone status; seen in the last three
 * months with 1,094,473 numbers; more than 455,000 attach attempts refused; 458 appeals, 136
 * approved as number changes, 319 rejected, 3 under investigation", plus registrations and the duty
 * collected, and IMEIs blocked for missing registration. Days are in the register's time zone; the
 * period includes both ends.
 *
 * @param cloneImeis         IMEIs whose clone case was confirmed in the period (counted once each)
 * @param cloneImeisLifted   of those, the ones whose confirmation has since been lifted
 * @param numbersFrom        the first day of the three months ending {@code to}
 * @param numbersSeen        distinct MSISDNs seen with {@code cloneImeis}' IMEIs from {@code numbersFrom} to {@code to}
 * @param refusedAttempts    checks refused because the SIM was not paired with a clone IMEI
 *                           ({@code CLONE_UNPAIRED_SIM}), from the check engine's counters
 * @param appeals            appeals received in the period, outcomes as of {@code asOf}
 * @param registrations      registrations by people and importers that became active in the period
 *                           (lists taken over from elsewhere are not counted: nobody registered them here)
 * @param registeredPhones   the phones those registrations cover
 * @param dutyCollected      payments received in the period, per currency
 * @param blockedUnregistered IMEIs whose 30 days of grace ran out in the period without a registration
 * @param clonesPerDay       confirmed clone IMEIs per day of confirmation
 * @param refusedPerDay      refused attempts per day and asking operator
 * @param registrationsPerDay registrations, phones and duty per day
 */
public record ArticleReport(LocalDate from, LocalDate to, LocalDate asOf, long cloneImeis, long cloneImeisLifted,
                            LocalDate numbersFrom, long numbersSeen, long refusedAttempts, AppealReport appeals,
                            long registrations, long registeredPhones, List<Amount> dutyCollected,
                            long blockedUnregistered, List<DayCount> clonesPerDay, List<OperatorDay> refusedPerDay,
                            List<RegistrationDay> registrationsPerDay) {

    /** The longest period a report covers: ten years of days is already more than a chart can show. */
    static final int MAX_DAYS = 3_660;

    public ArticleReport {
        dutyCollected = List.copyOf(dutyCollected);
        clonesPerDay = List.copyOf(clonesPerDay);
        refusedPerDay = List.copyOf(refusedPerDay);
        registrationsPerDay = List.copyOf(registrationsPerDay);
    }

    /** A sum of money in one currency (ISO 4217). */
    public record Amount(String currency, BigDecimal amount) {
    }

    /** A count on one day. */
    public record DayCount(LocalDate day, long count) {
    }

    /** A count on one day for one operator ({@code unknown} when the asking operator was not known). */
    public record OperatorDay(LocalDate day, String operator, long count) {
    }

    /** Registrations activated on one day, the phones they cover and the duty received that day. */
    public record RegistrationDay(LocalDate day, long registrations, long phones, BigDecimal duty) {
    }

    /**
     * Computes the report for {@code from} to {@code to} (both included, days in {@code zone}), outcomes
     * as of {@code today}.
     *
     * @throws IllegalArgumentException naming the bad bound when the period is empty or too long
     */
    public static ArticleReport compute(Database database, ZoneId zone, String currency, LocalDate from, LocalDate to,
                                        LocalDate today) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a report needs a period: --from and --to");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period " + from + " to " + to + " is empty: --from must not be after"
                    + " --to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("the period " + from + " to " + to + " is longer than " + MAX_DAYS
                    + " days: report on ten years at most");
        }
        return new ArticleReportQueries(database, zone, currency).compute(from, to, today);
    }

    /** The sum of one currency's payments, zero when none. */
    public BigDecimal duty(String currency) {
        return dutyCollected.stream().filter(a -> a.currency().equals(currency)).map(Amount::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
