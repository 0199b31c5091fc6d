package org.ceir.appeals.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ceir.appeals.AppealReport;
import org.ceir.store.Database;

/**
 * The report's queries, in one transaction so the figures agree with each other (the appeals are
 * counted by {@link AppealReport}'s own query, so that both reports count them alike). A
 * moment belongs to the day it falls on in the register's zone; a day-keyed table (the check
 * counters, the deadlines) is compared by day.
 */
final class ArticleReportQueries {
    /** "In the last three months", as the article counts the numbers seen with clone IMEIs. */
    static final int NUMBERS_MONTHS = 3;

    /** The IMEIs whose clone case was confirmed in the period (a lifted case was confirmed once too). */
    private static final String CLONES_GIVEN = "SELECT imei, decided_at FROM clone_case"
            + " WHERE status IN ('CONFIRMED', 'LIFTED') AND decided_at >= ? AND decided_at < ?";

    private final Database database;
    private final ZoneId zone;
    private final String currency;

    ArticleReportQueries(Database database, ZoneId zone, String currency) {
        this.database = database;
        this.zone = zone;
        this.currency = currency;
    }

    ArticleReport compute(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate numbersFrom = to.minusMonths(NUMBERS_MONTHS).plusDays(1);
        AppealReport appeals = AppealReport.compute(database, zone, from, to, today);
        return database.transaction(connection -> {
            long[] clones = clones(connection, from, to);
            long numbers = numbersSeen(connection, from, to, numbersFrom);
            List<ArticleReport.OperatorDay> refused = refusedPerDay(connection, from, to);
            long refusedTotal = refused.stream().mapToLong(ArticleReport.OperatorDay::count).sum();
            List<ArticleReport.RegistrationDay> registrationDays = registrationsPerDay(connection, from, to);
            long registrations = registrationDays.stream().mapToLong(ArticleReport.RegistrationDay::registrations).sum();
            long phones = registrationDays.stream().mapToLong(ArticleReport.RegistrationDay::phones).sum();
            return new ArticleReport(from, to, today, clones[0], clones[1], numbersFrom, numbers, refusedTotal, appeals,
                    registrations, phones, duty(connection, from, to), blocked(connection, from, to, today),
                    clonesPerDay(connection, from, to), refused, registrationDays);
        });
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** IMEIs given clone status, and how many of them no longer have it. */
    private long[] clones(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(DISTINCT g.imei),"
                + " count(DISTINCT g.imei) FILTER (WHERE NOT EXISTS (SELECT 1 FROM device_status s"
                + "   WHERE s.imei = g.imei AND s.status = 'CLONE'))"
                + " FROM (" + CLONES_GIVEN + ") g")) {
            query.setObject(1, start(from));
            query.setObject(2, start(to.plusDays(1)));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    /**
     * Distinct numbers seen with those IMEIs on a day from {@code numbersFrom} to {@code to}: a triplet
     * row holds a month, so its day bitmask is cut to the window's days in that month (bit d-1 for day d).
     */
    private long numbersSeen(Connection connection, LocalDate from, LocalDate to, LocalDate numbersFrom)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(DISTINCT t.msisdn)"
                + " FROM network_triplet t"
                + " WHERE t.imei IN (SELECT imei FROM (" + CLONES_GIVEN + ") g)"
                + " AND t.msisdn IS NOT NULL AND t.msisdn <> ''"
                + " AND t.triplet_month >= date_trunc('month', ?::date)::date AND t.triplet_month <= ?::date"
                + " AND t.last_seen >= ?::date AND t.first_seen <= ?::date"
                + " AND (t.date_bitmask::bigint"
                + "   & ((1::bigint << extract(day FROM least(?::date,"
                + "         (t.triplet_month + interval '1 month' - interval '1 day')::date))::int) - 1)"
                + "   & ~((1::bigint << (extract(day FROM greatest(?::date, t.triplet_month))::int - 1)) - 1)) <> 0")) {
            query.setObject(1, start(from));
            query.setObject(2, start(to.plusDays(1)));
            query.setObject(3, numbersFrom);
            query.setObject(4, to);
            query.setObject(5, numbersFrom);
            query.setObject(6, to);
            query.setObject(7, to);
            query.setObject(8, numbersFrom);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<ArticleReport.DayCount> clonesPerDay(Connection connection, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT (decided_at AT TIME ZONE ?)::date AS day,"
                + " count(DISTINCT imei) FROM (" + CLONES_GIVEN + ") g GROUP BY day ORDER BY day")) {
            query.setString(1, zone.getId());
            query.setObject(2, start(from));
            query.setObject(3, start(to.plusDays(1)));
            List<ArticleReport.DayCount> days = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    days.add(new ArticleReport.DayCount(rows.getObject(1, LocalDate.class), rows.getLong(2)));
                }
            }
            return days;
        }
    }

    private List<ArticleReport.OperatorDay> refusedPerDay(Connection connection, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT c.day, coalesce(o.code, 'unknown'),"
                + " sum(c.checks) FROM check_counter c LEFT JOIN operator o ON o.id = c.operator_id"
                + " WHERE c.reason = 'CLONE_UNPAIRED_SIM' AND c.day BETWEEN ? AND ?"
                + " GROUP BY 1, 2 ORDER BY 1, 2")) {
            query.setObject(1, from);
            query.setObject(2, to);
            List<ArticleReport.OperatorDay> days = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    days.add(new ArticleReport.OperatorDay(rows.getObject(1, LocalDate.class), rows.getString(2),
                            rows.getLong(3)));
                }
            }
            return days;
        }
    }

    /** Per day: registrations that became active (not lists taken over), their phones, the duty received. */
    private List<ArticleReport.RegistrationDay> registrationsPerDay(Connection connection, LocalDate from,
                                                                    LocalDate to) throws SQLException {
        Map<LocalDate, long[]> counts = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT (activated_at AT TIME ZONE ?)::date AS day,"
                + " count(*), coalesce(sum(device_count), 0) FROM registration"
                + " WHERE kind <> 'IMPORTED' AND activated_at >= ? AND activated_at < ? GROUP BY day")) {
            query.setString(1, zone.getId());
            query.setObject(2, start(from));
            query.setObject(3, start(to.plusDays(1)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, LocalDate.class), new long[] {rows.getLong(2), rows.getLong(3)});
                }
            }
        }
        Map<LocalDate, BigDecimal> duty = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT (received_at AT TIME ZONE ?)::date AS day,"
                + " sum(amount) FROM payment WHERE currency = ? AND received_at >= ? AND received_at < ? GROUP BY day")) {
            query.setString(1, zone.getId());
            query.setString(2, currency);
            query.setObject(3, start(from));
            query.setObject(4, start(to.plusDays(1)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    duty.put(rows.getObject(1, LocalDate.class), rows.getBigDecimal(2));
                }
            }
        }
        TreeMap<LocalDate, ArticleReport.RegistrationDay> days = new TreeMap<>();
        counts.forEach((day, c) -> days.put(day, new ArticleReport.RegistrationDay(day, c[0], c[1], BigDecimal.ZERO)));
        duty.forEach((day, amount) -> days.merge(day, new ArticleReport.RegistrationDay(day, 0, 0, amount),
                (a, b) -> new ArticleReport.RegistrationDay(day, a.registrations(), a.phones(), b.duty())));
        return new ArrayList<>(days.values());
    }

    private List<ArticleReport.Amount> duty(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT currency, sum(amount) FROM payment"
                + " WHERE received_at >= ? AND received_at < ? GROUP BY currency ORDER BY currency")) {
            query.setObject(1, start(from));
            query.setObject(2, start(to.plusDays(1)));
            List<ArticleReport.Amount> amounts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    amounts.add(new ArticleReport.Amount(rows.getString(1), rows.getBigDecimal(2)));
                }
            }
            return amounts;
        }
    }

    /**
     * IMEIs whose block day fell in the period (and is not after today) while still unregistered: no
     * registration settled the deadline before that day.
     */
    private long blocked(Connection connection, LocalDate from, LocalDate to, LocalDate today) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM registration_deadline"
                + " WHERE blocked_from BETWEEN ? AND ? AND blocked_from <= ?"
                + " AND (resolved IS NULL OR (resolved_at AT TIME ZONE ?)::date >= blocked_from)")) {
            query.setObject(1, from);
            query.setObject(2, to);
            query.setObject(3, today);
            query.setString(4, zone.getId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
