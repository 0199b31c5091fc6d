package org.ceir.registration;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.registration.notify.NoticeKind;
import org.ceir.registration.notify.Outbox;
import org.ceir.store.Database;

/**
 * The 30-day rule, as far as people are told about it. An IMEI first seen on a network while not
 * registered must be registered within {@code grace-days}; the check engine blocks it from
 * {@code first_seen + grace-days} on by itself (its own setting, which must agree). This scan gives
 * each such IMEI a deadline row and queues, for every home subscriber seen with it, an SMS on the
 * first day, reminders {@code reminder-days-before} the block, and a notice once it is blocked.
 * Registering and paying settles the deadline, and no further SMS goes.
 *
 * <p>It also tells whoever puts a new SIM into a phone reported lost or stolen to take it to the
 * police (a SIM not seen with the phone before the report).
 *
 * <p>Exempt: inbound roamers (an IMSI of another country, or a number outside the country code),
 * IMEIs on the EXEMPT list, configured device types. Only IMEIs first seen within the last
 * {@code grace-days + 7} days get a deadline row, so the first scan over an old register does not
 * message millions of people about phones in use for years.
 */
public final class Deadlines {
    private static final int LOOKBACK_SLACK_DAYS = 7;

    private final Database database;
    private final RegistrationSettings settings;
    private final Country country;
    private final Notices notices;

    /** What one scan did. */
    public record Scan(int newDeadlines, int settled, int messagesQueued, int stolenNewSimMessages) {
    }

    public Deadlines(Database database, RegistrationSettings settings, Country country) {
        this.database = database;
        this.settings = settings;
        this.country = country;
        this.notices = new Notices(settings);
    }

    /** One scan, as of {@code today} (in the register's time zone). Safe to run again: each SMS is queued once. */
    public Scan scan(LocalDate today) {
        return database.transaction(connection -> {
            int created = createDeadlines(connection, today);
            int settled = settle(connection);
            int queued = graceNotices(connection, today);
            int stolen = stolenNewSims(connection);
            return new Scan(created, settled, queued, stolen);
        });
    }

    private int createDeadlines(Connection connection, LocalDate today) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_deadline (imei,"
                + " first_seen, blocked_from) SELECT n.imei, n.first_seen, n.first_seen + ? FROM network_imei n"
                + " LEFT JOIN tac_model t ON t.tac = n.imei / 1000000"
                + " WHERE n.imei >= 0 AND n.first_seen > ?::date"
                + " AND NOT EXISTS (SELECT 1 FROM registration_imei ri JOIN registration r ON r.id = ri.registration_id"
                + "   WHERE ri.imei = n.imei AND NOT ri.cancelled AND r.status = 'ACTIVE')"
                + " AND NOT EXISTS (SELECT 1 FROM device_status d WHERE d.imei = n.imei AND d.status = 'EXEMPT')"
                + " AND NOT (lower(coalesce(t.device_type, '')) = ANY (?))"
                + " ON CONFLICT (imei) DO NOTHING")) {
            insert.setInt(1, settings.graceDays());
            insert.setDate(2, Date.valueOf(today.minusDays(settings.graceDays() + LOOKBACK_SLACK_DAYS)));
            insert.setArray(3, connection.createArrayOf("text",
                    settings.exemptDeviceTypes().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toArray()));
            return insert.executeUpdate();
        }
    }

    private int settle(Connection connection) throws SQLException {
        int settled;
        try (PreparedStatement update = connection.prepareStatement("UPDATE registration_deadline d SET"
                + " resolved = 'REGISTERED', resolved_at = now() WHERE d.resolved IS NULL AND EXISTS (SELECT 1"
                + " FROM registration_imei ri JOIN registration r ON r.id = ri.registration_id"
                + " WHERE ri.imei = d.imei AND NOT ri.cancelled AND r.status = 'ACTIVE')")) {
            settled = update.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE registration_deadline d SET"
                + " resolved = 'EXEMPT', resolved_at = now() WHERE d.resolved IS NULL AND EXISTS (SELECT 1"
                + " FROM device_status s WHERE s.imei = d.imei AND s.status = 'EXEMPT')")) {
            settled += update.executeUpdate();
        }
        return settled;
    }

    /** The notice each open deadline is due, if any: the most urgent one not yet sent. */
    private record Due(long imei, String notice, NoticeKind kind, LocalDate blockedFrom, long daysLeft) {
    }

    private int graceNotices(Connection connection, LocalDate today) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT imei, blocked_from, notices"
                + " FROM registration_deadline WHERE resolved IS NULL AND first_seen <= ?")) {
            query.setDate(1, Date.valueOf(today));
            query.setFetchSize(10_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    LocalDate blockedFrom = rows.getDate(2).toLocalDate();
                    List<String> sent = List.of((String[]) rows.getArray(3).getArray());
                    Due next = dueNotice(rows.getLong(1), blockedFrom, sent, today);
                    if (next != null) {
                        due.add(next);
                    }
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, Due> byImei = new HashMap<>();
        due.forEach(d -> byImei.put(d.imei(), d));
        List<Outbox.Message> messages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT t.imei, t.msisdn, t.operator_id"
                + " FROM network_triplet t WHERE t.triplet_month >= ? AND t.imei = ANY (?) AND t.msisdn IS NOT NULL"
                + " AND (t.imsi IS NULL OR left(t.imsi, 3) = ?) AND left(t.msisdn, ?) = ?")) {
            LocalDate earliest = due.stream().map(d -> d.blockedFrom().minusDays(settings.graceDays()))
                    .min(LocalDate::compareTo).orElse(today).withDayOfMonth(1);
            query.setDate(1, Date.valueOf(earliest));
            query.setArray(2, connection.createArrayOf("bigint", byImei.keySet().toArray()));
            query.setString(3, country.mcc());
            query.setInt(4, country.countryCode().length());
            query.setString(5, country.countryCode());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Due d = byImei.get(rows.getLong(1));
                    String msisdn = rows.getString(2);
                    short operator = rows.getShort(3);
                    messages.add(new Outbox.Message(d.kind(), "GRACE:" + d.notice() + ":" + d.imei() + ":" + msisdn,
                            d.imei(), msisdn, operator, notices.language(),
                            notices.aboutDevice(d.kind(), d.imei(), d.blockedFrom().minusDays(1), d.daysLeft())));
                }
            }
        }
        int queued = Outbox.queueAll(connection, messages);
        try (PreparedStatement update = connection.prepareStatement("UPDATE registration_deadline SET"
                + " notices = notices || ?::text[] WHERE imei = ?")) {
            for (Due d : due) {
                update.setArray(1, connection.createArrayOf("text", noticesCoveredBy(d)));
                update.setLong(2, d.imei());
                update.addBatch();
            }
            update.executeBatch();
        }
        return queued;
    }

    private Due dueNotice(long imei, LocalDate blockedFrom, List<String> sent, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, blockedFrom);
        if (daysLeft <= 0) {
            return sent.contains("BLOCKED") ? null : new Due(imei, "BLOCKED", NoticeKind.GRACE_BLOCKED, blockedFrom, 0);
        }
        // the closest reminder whose day has come; earlier ones it makes moot
        for (int days : settings.reminderDaysBefore()) {
            if (daysLeft <= days) {
                String name = "REMIND_" + days;
                return sent.contains(name) ? null : new Due(imei, name, NoticeKind.GRACE_REMINDER, blockedFrom, daysLeft);
            }
        }
        return sent.contains("FIRST") ? null : new Due(imei, "FIRST", NoticeKind.GRACE_FIRST, blockedFrom, daysLeft);
    }

    /** A notice marks itself and every earlier one sent, so a late scan does not send stale reminders after it. */
    private String[] noticesCoveredBy(Due due) {
        List<String> covered = new ArrayList<>();
        covered.add("FIRST");
        for (int days : settings.reminderDaysBefore()) {
            if (due.notice().equals("BLOCKED") || due.daysLeft() <= days) {
                covered.add("REMIND_" + days);
            }
        }
        if (due.notice().equals("BLOCKED")) {
            covered.add("BLOCKED");
        }
        return covered.toArray(new String[0]);
    }

    private int stolenNewSims(Connection connection) throws SQLException {
        List<Outbox.Message> messages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT s.reference, t.imei, t.msisdn,"
                + " t.operator_id FROM stolen_report s JOIN network_triplet t ON t.imei = ANY (s.imeis)"
                + " AND t.triplet_month >= date_trunc('month', s.reported_at)::date"
                + " AND t.last_seen >= s.reported_at::date"
                + " WHERE s.recovered_at IS NULL AND t.msisdn IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM network_triplet b WHERE b.imei = t.imei AND b.msisdn = t.msisdn"
                + "   AND b.first_seen < s.reported_at::date)")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long imei = rows.getLong(2);
                    String msisdn = rows.getString(3);
                    messages.add(new Outbox.Message(NoticeKind.STOLEN_NEW_SIM, "STOLEN_NEW_SIM:" + rows.getString(1)
                            + ":" + msisdn, imei, msisdn, rows.getShort(4), notices.language(),
                            notices.aboutDevice(NoticeKind.STOLEN_NEW_SIM, imei, null, 0)));
                }
            }
        }
        return Outbox.queueAll(connection, messages);
    }

    /** The deadline of an IMEI, if it has one: the first day it is blocked and how it was settled. */
    public record Deadline(String imei, LocalDate firstSeen, LocalDate blockedFrom, List<String> notices,
                           String resolved) {
    }

    /** An IMEI's deadline row, if any. */
    public java.util.Optional<Deadline> of(long imei) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT first_seen, blocked_from, notices,"
                    + " resolved FROM registration_deadline WHERE imei = ?")) {
                query.setLong(1, imei);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return java.util.Optional.empty();
                    }
                    return java.util.Optional.of(new Deadline(Imei.ofKey(imei).toString(),
                            row.getDate(1).toLocalDate(), row.getDate(2).toLocalDate(),
                            List.of((String[]) row.getArray(3).getArray()), row.getString(4)));
                }
            }
        });
    }
}
