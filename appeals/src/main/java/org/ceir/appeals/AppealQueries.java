package org.ceir.appeals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.ceir.core.identity.Imei;
import org.ceir.registration.OwnerIds;
import org.ceir.store.Database;
import org.ceir.store.Rows;

/** The read side of appeals: one appeal, the queue, the overdue list, the public status, attachments. */
public final class AppealQueries {
    private static final String SUMMARY = "SELECT a.tracking, a.kind, a.status, a.imei, a.channel, a.office_code,"
            + " a.received_at, a.due_on, d.tracking, a.reviewer, a.decided_at FROM appeal a"
            + " LEFT JOIN appeal d ON d.id = a.duplicate_of";

    private final Database database;
    private final OwnerIds ownerIds;
    private final WorkingDays workingDays;
    private final AppealSettings settings;
    private final Supplier<LocalDate> today;

    /** An attachment's bytes and what they are. */
    public record StoredAttachment(String fileName, String mediaType, byte[] content, String sha256) {
    }

    /** A clone case open longer than an appeal may stay undecided. */
    public record OverdueCase(long id, String imei, double score, Instant openedAt, LocalDate dueOn) {
    }

    /** The overdue list: appeals and clone cases waiting past their due date, the oldest first. */
    public record Overdue(LocalDate today, List<AppealSummary> appeals, List<OverdueCase> cases) {
    }

    AppealQueries(Database database, OwnerIds ownerIds, WorkingDays workingDays, AppealSettings settings,
                  Supplier<LocalDate> today) {
        this.database = database;
        this.ownerIds = ownerIds;
        this.workingDays = workingDays;
        this.settings = settings;
        this.today = today;
    }

    List<AppealSummary> list(Set<AppealStatus> statuses, boolean overdueOnly, int limit) {
        List<String> names = statuses == null ? List.of() : statuses.stream().map(Enum::name).toList();
        LocalDate day = today.get();
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(SUMMARY
                    + " WHERE (cardinality(?::text[]) = 0 OR a.status = ANY(?::text[]))"
                    + " AND (NOT ? OR (a.status IN ('RECEIVED', 'UNDER_REVIEW') AND a.due_on < ?))"
                    + " ORDER BY CASE WHEN a.status IN ('RECEIVED', 'UNDER_REVIEW', 'INFO_REQUESTED') THEN 0 ELSE 1 END,"
                    + " CASE WHEN a.status IN ('RECEIVED', 'UNDER_REVIEW', 'INFO_REQUESTED') THEN a.due_on END,"
                    + " a.received_at DESC, a.id LIMIT ?")) {
                query.setArray(1, connection.createArrayOf("text", names.toArray()));
                query.setArray(2, connection.createArrayOf("text", names.toArray()));
                query.setBoolean(3, overdueOnly);
                query.setObject(4, day);
                query.setInt(5, limit);
                return summaries(query, day);
            }
        });
    }

    Overdue overdue(int limit) {
        LocalDate day = today.get();
        List<AppealSummary> appeals = list(Set.of(AppealStatus.RECEIVED, AppealStatus.UNDER_REVIEW), true, limit);
        List<OverdueCase> cases = database.transaction(connection -> {
            List<OverdueCase> found = new ArrayList<>();
            // An open case is due the configured working days after it opened; the oldest are checked first.
            try (PreparedStatement query = connection.prepareStatement("SELECT id, imei, score, opened_at FROM clone_case"
                    + " WHERE status = 'OPEN' AND opened_at < ? ORDER BY opened_at, id LIMIT ?")) {
                query.setObject(1, day.minusDays(settings.dueWorkingDays()));
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant opened = rows.getObject(4, OffsetDateTime.class).toInstant();
                        LocalDate due = workingDays.after(rows.getObject(4, OffsetDateTime.class).toLocalDate(),
                                settings.dueWorkingDays());
                        if (due.isBefore(day)) {
                            found.add(new OverdueCase(rows.getLong(1), Imei.ofKey(rows.getLong(2)).toString(),
                                    rows.getDouble(3), opened, due));
                        }
                    }
                }
            }
            return found;
        });
        return new Overdue(day, appeals, cases);
    }

    PublicStatus status(String tracking) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT a.kind, a.status, a.imei, a.received_at,"
                    + " a.due_on, a.decided_at, a.decision_reason, (SELECT e.reason FROM appeal_event e WHERE"
                    + " e.appeal_id = a.id AND e.action = 'INFO_REQUESTED' ORDER BY e.id DESC LIMIT 1)"
                    + " FROM appeal a WHERE a.tracking = ?")) {
                query.setString(1, tracking);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new AppealException(AppealException.Kind.NOT_FOUND, "tracking-unknown",
                                "there is no appeal " + tracking);
                    }
                    AppealStatus status = AppealStatus.valueOf(row.getString(2));
                    OffsetDateTime decided = row.getObject(6, OffsetDateTime.class);
                    String message = status.open() ? (status == AppealStatus.INFO_REQUESTED ? row.getString(8) : null)
                            : row.getString(7);
                    return new PublicStatus(tracking, AppealKind.valueOf(row.getString(1)), status,
                            Imei.ofKey(row.getLong(3)).toString(), row.getObject(4, OffsetDateTime.class).toLocalDate(),
                            row.getObject(5, LocalDate.class), Optional.ofNullable(decided).map(OffsetDateTime::toLocalDate),
                            Optional.ofNullable(message));
                }
            }
        });
    }

    StoredAttachment attachment(String tracking, long id) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT t.file_name, t.media_type, t.content,"
                    + " t.sha256 FROM appeal_attachment t JOIN appeal a ON a.id = t.appeal_id"
                    + " WHERE a.tracking = ? AND t.id = ?")) {
                query.setString(1, tracking);
                query.setLong(2, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new AppealException(AppealException.Kind.NOT_FOUND, "appeal " + tracking
                                + " has no attachment " + id);
                    }
                    return new StoredAttachment(row.getString(1), row.getString(2), row.getBytes(3),
                            HexFormat.of().formatHex(row.getBytes(4)));
                }
            }
        });
    }

    AppealView view(Connection connection, String tracking) throws SQLException {
        LocalDate day = today.get();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.id, a.kind, a.status, a.imei,"
                + " a.applicant_id_cipher, a.contact_msisdn, a.claimed_imsi, a.claimed_msisdn, a.statement, a.channel,"
                + " a.office_code, a.language, a.filed_by, a.received_at, a.due_on, d.tracking, a.reviewer,"
                + " a.decided_by, a.decided_at, a.decision_reason FROM appeal a LEFT JOIN appeal d ON d.id ="
                + " a.duplicate_of WHERE a.tracking = ?")) {
            query.setString(1, tracking);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AppealException(AppealException.Kind.NOT_FOUND, "there is no appeal " + tracking);
                }
                long id = row.getLong(1);
                AppealStatus status = AppealStatus.valueOf(row.getString(3));
                LocalDate due = row.getObject(15, LocalDate.class);
                return new AppealView(tracking, AppealKind.valueOf(row.getString(2)), status,
                        Imei.ofKey(row.getLong(4)).toString(), OwnerIds.mask(ownerIds.decrypt(row.getBytes(5))),
                        row.getString(6), Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getString(8)),
                        row.getString(9), Channel.valueOf(row.getString(10)), Optional.ofNullable(row.getString(11)),
                        row.getString(12), row.getString(13), row.getObject(14, OffsetDateTime.class).toInstant(), due,
                        overdue(status, due, day), Optional.ofNullable(row.getString(16)), duplicates(connection, id),
                        Optional.ofNullable(row.getString(17)), Optional.ofNullable(row.getString(18)),
                        Optional.ofNullable(row.getObject(19, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        Optional.ofNullable(row.getString(20)), events(connection, id), attachments(connection, id));
            }
        }
    }

    /** Other appeals about an IMEI, newest first (the decision page's "prior appeals"). */
    List<AppealSummary> ofImei(Connection connection, long imei, String except) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SUMMARY + " WHERE a.imei = ? AND a.tracking <> ?"
                + " ORDER BY a.id DESC LIMIT 50")) {
            query.setLong(1, imei);
            query.setString(2, except);
            return summaries(query, today.get());
        }
    }

    private static List<AppealSummary> summaries(PreparedStatement query, LocalDate day) throws SQLException {
        List<AppealSummary> list = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                AppealStatus status = AppealStatus.valueOf(rows.getString(3));
                LocalDate due = rows.getObject(8, LocalDate.class);
                list.add(new AppealSummary(rows.getString(1), AppealKind.valueOf(rows.getString(2)), status,
                        Imei.ofKey(rows.getLong(4)).toString(), Channel.valueOf(rows.getString(5)),
                        Optional.ofNullable(rows.getString(6)), rows.getObject(7, OffsetDateTime.class).toInstant(), due,
                        overdue(status, due, day), Optional.ofNullable(rows.getString(9)),
                        Optional.ofNullable(rows.getString(10)),
                        Optional.ofNullable(rows.getObject(11, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
            }
        }
        return list;
    }

    /** Overdue: open, not waiting for the applicant (that clock is theirs), and past the due date. */
    private static boolean overdue(AppealStatus status, LocalDate due, LocalDate today) {
        return (status == AppealStatus.RECEIVED || status == AppealStatus.UNDER_REVIEW) && due.isBefore(today);
    }

    private static List<String> duplicates(Connection connection, long id) throws SQLException {
        return Rows.list(connection, "SELECT tracking FROM appeal WHERE duplicate_of = ? ORDER BY id",
                rows -> rows.getString(1), id);
    }

    private static List<AppealView.Event> events(Connection connection, long id) throws SQLException {
        return Rows.list(connection, "SELECT id, at, actor, action, from_status, to_status, reason, detail::text"
                + " FROM appeal_event WHERE appeal_id = ? ORDER BY id", rows -> new AppealView.Event(rows.getLong(1),
                        rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3), rows.getString(4),
                        Optional.ofNullable(rows.getString(5)).map(AppealStatus::valueOf),
                        AppealStatus.valueOf(rows.getString(6)), Optional.ofNullable(rows.getString(7)),
                        Optional.ofNullable(rows.getString(8))), id);
    }

    private static List<AppealView.AttachmentInfo> attachments(Connection connection, long id) throws SQLException {
        return Rows.list(connection, "SELECT id, file_name, media_type, size_bytes, sha256, added_by, added_at"
                + " FROM appeal_attachment WHERE appeal_id = ? ORDER BY id", rows -> new AppealView.AttachmentInfo(
                        rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                        HexFormat.of().formatHex(rows.getBytes(5)), rows.getString(6),
                        rows.getObject(7, OffsetDateTime.class).toInstant()), id);
    }
}
