package org.ceir.appeals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.ceir.store.ChangeLog;

/**
 * The pairings an approval makes and removes, each with its change-log row in the caller's
 * transaction, so the check engine follows within a second of the commit. A pairing with an IMSI
 * matches that IMSI; one with only a number matches that number (the engine's rule).
 */
final class Pairings {
    private Pairings() {
    }

    /** One active pairing of an IMEI. */
    record Active(long id, String imsi, String msisdn, String kind, String ref) {
        String sim() {
            return (imsi == null ? "-" : imsi) + "/" + (msisdn == null ? "-" : msisdn);
        }
    }

    static List<Active> active(Connection connection, long imei) throws SQLException {
        List<Active> pairings = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, imsi, msisdn, kind, ref FROM pairing"
                + " WHERE imei = ? AND removed_at IS NULL ORDER BY id FOR UPDATE")) {
            query.setLong(1, imei);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairings.add(new Active(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
        }
        return pairings;
    }

    /** Pairs a SIM unless an active pairing already matches it; returns whether a pairing was made. */
    static boolean pair(Connection connection, long imei, String imsi, String msisdn, String kind, String ref,
                        String actor, List<Active> existing) throws SQLException {
        for (Active pairing : existing) {
            boolean sameImsi = imsi != null && imsi.equals(pairing.imsi());
            boolean sameNumberOnly = imsi == null && pairing.imsi() == null && msisdn.equals(pairing.msisdn());
            if (sameImsi || sameNumberOnly) {
                return false;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pairing (imei, imsi, msisdn, kind, ref, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, imei);
            insert.setString(2, imsi);
            insert.setString(3, msisdn);
            insert.setString(4, kind);
            insert.setString(5, ref);
            insert.setString(6, actor);
            insert.executeUpdate();
        }
        ChangeLog.append(connection, imei, "PAIRED", Json.object("imsi", imsi, "msisdn", msisdn, "kind", kind,
                "ref", ref));
        return true;
    }

    static void unpair(Connection connection, long imei, Active pairing, String actor, String reason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE pairing SET removed_by = ?,"
                + " removed_at = now(), removed_reason = ? WHERE id = ? AND removed_at IS NULL")) {
            update.setString(1, actor);
            update.setString(2, reason);
            update.setLong(3, pairing.id());
            update.executeUpdate();
        }
        ChangeLog.append(connection, imei, "UNPAIRED", Json.object("imsi", pairing.imsi(), "msisdn", pairing.msisdn(),
                "kind", pairing.kind(), "ref", pairing.ref()));
    }
}
