package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.store.Database;
import org.ceir.store.Rows;

/**
 * Everything ceir knows about one IMEI, for a person: its model, statuses, registrations,
 * pairings, cases and conditions, and its evidence computed now from the network data. As data
 * ({@link #dossier}, for the console's IMEI page) or as text with a timeline ({@link #render},
 * {@code ceir show IMEI}).
 */
public final class ImeiReport {
    private ImeiReport() {
    }

    /**
     * What the register holds on one IMEI.
     *
     * @param model         the catalogue's manufacturer and model of its TAC, when listed
     * @param registrations its registrations, of any status, oldest first
     * @param pairings      the SIMs paired with it, current and removed, oldest first
     * @param cases         its clone cases, oldest first
     * @param conditions    when it met each detection condition
     * @param asOf          the last day of the evidence's window: the newest day of network data, or as asked
     * @param evidence      its SIMs day by day over the window ending {@code asOf}; empty when not seen then
     */
    public record Dossier(Imei imei, Optional<String> model, Optional<LocalDate> firstSeen,
                          Optional<LocalDate> lastSeen, List<Status> statuses, List<Registration> registrations,
                          List<Pairing> pairings, List<CloneCases.CaseSummary> cases, List<ConditionState> conditions,
                          Optional<LocalDate> asOf, int windowDays, Optional<Evidence> evidence) {
    }

    /** A status on the IMEI ({@code device_status}). */
    public record Status(String status, String reason, Optional<String> ref, boolean sticky, String setBy,
                         OffsetDateTime since) {
    }

    /** A registration holding the IMEI. */
    public record Registration(String reference, String kind, String status, Optional<String> make,
                               Optional<String> model, OffsetDateTime createdAt, Optional<OffsetDateTime> activatedAt) {
    }

    /** A SIM paired with the IMEI (the "paired white list"); removed ones stay as history. */
    public record Pairing(Optional<String> imsi, Optional<String> msisdn, String kind, Optional<String> ref,
                          String createdBy, OffsetDateTime createdAt, Optional<String> removedBy,
                          Optional<OffsetDateTime> removedAt, Optional<String> removedReason) {
        public boolean active() {
            return removedAt.isEmpty();
        }
    }

    /** When the IMEI met a detection condition ({@code classification_state}). */
    public record ConditionState(String condition, LocalDate start, Optional<LocalDate> end,
                                 Optional<LocalDate> blockDate) {
    }

    /** The dossier; {@code asOf} defaults to the newest day of network data. */
    public static Dossier dossier(Database database, Country country, DetectSettings settings, Imei imei,
                                  Optional<LocalDate> asOf) {
        return database.transaction(connection -> dossier(connection, country, settings, imei, asOf));
    }

    /** The report as text; {@code asOf} defaults to the newest day of network data. */
    public static String render(Database database, Country country, DetectSettings settings, Imei imei,
                                Optional<LocalDate> asOf) {
        Dossier d = dossier(database, country, settings, imei, asOf);
        StringBuilder out = new StringBuilder();
        out.append("IMEI ").append(imei).append("  (key ").append(imei.body()).append(", TAC ").append(imei.tac())
                .append(")\n");
        out.append("  model           ").append(d.model().orElse("TAC not in the catalogue")).append('\n');
        out.append("  network         ").append(d.firstSeen().isPresent() ? "first seen " + d.firstSeen().get()
                + ", last seen " + d.lastSeen().orElseThrow() : "never seen").append('\n');
        out.append("  registered      ").append(lines(d.registrations(), r -> r.reference() + " " + r.status()
                + (r.make().isPresent() ? " (" + r.make().get() + " " + r.model().orElse("") + ")" : ""))).append('\n');
        out.append("  statuses        ").append(lines(d.statuses(), s -> s.status() + " (" + s.reason() + ", set by "
                + s.setBy() + " " + s.since().toLocalDate() + ")")).append('\n');
        out.append("  pairings        ").append(lines(d.pairings().stream().filter(Pairing::active).toList(),
                p -> p.imsi().orElse("-") + "/" + p.msisdn().orElse("-") + " " + p.kind())).append('\n');
        out.append("  cases           ").append(lines(d.cases(), c -> "case " + c.id() + " " + c.status() + " (score "
                + Math.round(c.score()) + (c.reason() == null ? "" : ", " + c.reason()) + ")")).append('\n');
        out.append("  conditions      ").append(lines(d.conditions(), c -> c.condition() + " since " + c.start()
                + c.end().map(end -> " until " + end).orElse("")
                + c.blockDate().map(block -> ", block date " + block).orElse(""))).append('\n');
        if (d.asOf().isEmpty()) {
            out.append("\nno network data yet\n");
            return out.toString();
        }
        out.append('\n');
        if (d.evidence().isEmpty()) {
            out.append(String.format(Locale.ROOT, "not seen on the network in the %d days to %s%n", d.windowDays(),
                    d.asOf().get()));
        } else {
            out.append("evidence, computed now\n").append(Timeline.render(d.evidence().get()));
        }
        return out.toString();
    }

    private static Dossier dossier(Connection connection, Country country, DetectSettings settings, Imei imei,
                                   Optional<LocalDate> asOf) throws SQLException {
        long key = imei.key();
        Optional<LocalDate> day = asOf.isPresent() ? asOf : Classifier.newestDataDay(connection);
        Optional<Evidence> evidence = day.isEmpty() ? Optional.empty()
                : SingleImei.evidence(connection, country, key, day.get(), settings.windowDays(), settings.evidenceSims());
        LocalDate[] seen = network(connection, key);
        return new Dossier(imei, model(connection, imei), Optional.ofNullable(seen[0]), Optional.ofNullable(seen[1]),
                rows(connection, "SELECT status, reason, ref, sticky, set_by, since FROM device_status WHERE imei = ?"
                        + " ORDER BY status", key, row -> new Status(row.getString(1), row.getString(2),
                        Optional.ofNullable(row.getString(3)), row.getBoolean(4), row.getString(5),
                        row.getObject(6, OffsetDateTime.class))),
                rows(connection, "SELECT r.reference, r.kind, r.status, r.make, r.model, r.created_at, r.activated_at"
                        + " FROM registration r JOIN registration_imei ri ON ri.registration_id = r.id WHERE ri.imei = ?"
                        + " ORDER BY r.id", key, row -> new Registration(row.getString(1), row.getString(2),
                        row.getString(3), Optional.ofNullable(row.getString(4)), Optional.ofNullable(row.getString(5)),
                        row.getObject(6, OffsetDateTime.class),
                        Optional.ofNullable(row.getObject(7, OffsetDateTime.class)))),
                rows(connection, "SELECT imsi, msisdn, kind, ref, created_by, created_at, removed_by, removed_at,"
                        + " removed_reason FROM pairing WHERE imei = ? ORDER BY id", key, row -> new Pairing(
                        Optional.ofNullable(row.getString(1)), Optional.ofNullable(row.getString(2)), row.getString(3),
                        Optional.ofNullable(row.getString(4)), row.getString(5), row.getObject(6, OffsetDateTime.class),
                        Optional.ofNullable(row.getString(7)),
                        Optional.ofNullable(row.getObject(8, OffsetDateTime.class)),
                        Optional.ofNullable(row.getString(9)))),
                CloneCases.casesOf(connection, key),
                rows(connection, "SELECT condition, start_date, end_date, block_date FROM classification_state"
                        + " WHERE imei = ? ORDER BY start_date, condition", key, row -> new ConditionState(
                        row.getString(1), row.getObject(2, LocalDate.class),
                        Optional.ofNullable(row.getObject(3, LocalDate.class)),
                        Optional.ofNullable(row.getObject(4, LocalDate.class)))),
                day, settings.windowDays(), evidence);
    }

    private static Optional<String> model(Connection connection, Imei imei) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT manufacturer, model_name FROM tac_model WHERE tac = ?")) {
            query.setInt(1, imei.tac().value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1) + " " + row.getString(2)) : Optional.empty();
            }
        }
    }

    /**
     * First and last day seen, or nulls when never seen: the first from {@code network_imei}, the
     * last from the IMEI's triplets (a probe of each month's key, which leads with the IMEI), or
     * the first when only a check has seen it.
     */
    private static LocalDate[] network(Connection connection, long key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT n.first_seen, coalesce((SELECT"
                + " max(t.last_seen) FROM network_triplet t WHERE t.imei = n.imei), n.first_seen)"
                + " FROM network_imei n WHERE n.imei = ?")) {
            query.setLong(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new LocalDate[] {row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class)}
                        : new LocalDate[2];
            }
        }
    }

    private static <T> List<T> rows(Connection connection, String sql, long key, Rows.Reader<T> reader)
            throws SQLException {
        return List.copyOf(Rows.list(connection, sql, reader, key));
    }

    private static <T> String lines(List<T> items, Function<T, String> line) {
        StringBuilder out = new StringBuilder();
        for (T item : items) {
            out.append(out.length() == 0 ? "" : "\n                  ").append(line.apply(item));
        }
        return out.length() == 0 ? "none" : out.toString();
    }
}
