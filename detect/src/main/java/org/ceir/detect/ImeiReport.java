package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.store.Database;

/**
 * {@code ceir show IMEI}: everything ceir knows about one IMEI, for a person: its model, statuses,
 * registrations, pairings, cases and conditions, and its evidence computed now from the network
 * data, with a text timeline.
 */
public final class ImeiReport {
    private ImeiReport() {
    }

    /** The report as text; {@code asOf} defaults to the newest day of network data. */
    public static String render(Database database, Country country, DetectSettings settings, Imei imei,
                                Optional<LocalDate> asOf) {
        long key = imei.key();
        return database.transaction(connection -> {
            StringBuilder out = new StringBuilder();
            out.append("IMEI ").append(imei).append("  (key ").append(imei.body()).append(", TAC ").append(imei.tac())
                    .append(")\n");
            out.append("  model           ").append(model(connection, imei)).append('\n');
            out.append("  network         ").append(network(connection, key)).append('\n');
            out.append("  registered      ").append(registration(connection, key)).append('\n');
            out.append("  statuses        ").append(list(connection, "SELECT status || ' (' || reason || ', set by '"
                    + " || set_by || ' ' || to_char(since, 'YYYY-MM-DD') || ')' FROM device_status WHERE imei = ?"
                    + " ORDER BY status", key)).append('\n');
            out.append("  pairings        ").append(list(connection, "SELECT coalesce(imsi, '-') || '/' ||"
                    + " coalesce(msisdn, '-') || ' ' || kind FROM pairing WHERE imei = ? AND removed_at IS NULL"
                    + " ORDER BY id", key)).append('\n');
            out.append("  cases           ").append(list(connection, "SELECT 'case ' || id || ' ' || status || ' (score '"
                    + " || round(score::numeric) || coalesce(', ' || decision_reason, '') || ')' FROM clone_case"
                    + " WHERE imei = ? ORDER BY id", key)).append('\n');
            out.append("  conditions      ").append(list(connection, "SELECT condition || ' since ' || start_date"
                    + " || coalesce(' until ' || end_date, '') || coalesce(', block date ' || block_date, '')"
                    + " FROM classification_state WHERE imei = ? ORDER BY start_date, condition", key)).append('\n');
            LocalDate day = asOf.isPresent() ? asOf.get() : Classifier.newestDataDay(connection).orElse(null);
            if (day == null) {
                out.append("\nno network data yet\n");
                return out.toString();
            }
            Optional<Evidence> evidence = SingleImei.evidence(connection, country, key, day, settings.windowDays(),
                    settings.evidenceSims());
            out.append('\n');
            if (evidence.isEmpty()) {
                out.append(String.format(Locale.ROOT, "not seen on the network in the %d days to %s%n",
                        settings.windowDays(), day));
            } else {
                out.append("evidence, computed now\n").append(Timeline.render(evidence.get()));
            }
            return out.toString();
        });
    }

    private static String model(Connection connection, Imei imei) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT manufacturer, model_name, rat_bitmask FROM tac_model WHERE tac = ?")) {
            query.setInt(1, imei.tac().value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) + " " + row.getString(2) : "TAC not in the catalogue";
            }
        }
    }

    private static String network(Connection connection, long key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT first_seen, last_seen FROM network_imei WHERE imei = ?")) {
            query.setLong(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? "first seen " + row.getObject(1, LocalDate.class) + ", last seen "
                        + row.getObject(2, LocalDate.class) : "never seen";
            }
        }
    }

    private static String registration(Connection connection, long key) throws SQLException {
        return list(connection, "SELECT r.reference || ' ' || r.status || coalesce(' (' || r.make || ' ' || r.model"
                + " || ')', '') FROM registration r JOIN registration_imei ri ON ri.registration_id = r.id"
                + " WHERE ri.imei = ? ORDER BY r.id", key);
    }

    private static String list(Connection connection, String sql, long key) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, key);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.append(out.length() == 0 ? "" : "\n                  ").append(rows.getString(1));
                }
            }
        }
        return out.length() == 0 ? "none" : out.toString();
    }
}
