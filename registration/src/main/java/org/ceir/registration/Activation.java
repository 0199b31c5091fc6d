package org.ceir.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.ceir.store.AuditLog;

/**
 * Turns a registration ACTIVE: its IMEIs become registered for the check engine (a REGISTERED row
 * on the change log for each, in the same transaction), their 30-day deadlines are settled, and
 * the step is audited.
 */
final class Activation {
    private Activation() {
    }

    /** The IMEIs of a registration that is not cancelled. */
    static long[] liveImeis(Connection connection, long registrationId) throws SQLException {
        List<Long> imeis = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT imei FROM registration_imei"
                + " WHERE registration_id = ? AND NOT cancelled ORDER BY imei")) {
            query.setLong(1, registrationId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    imeis.add(rows.getLong(1));
                }
            }
        }
        return imeis.stream().mapToLong(Long::longValue).toArray();
    }

    static void activate(Connection connection, long registrationId, String reference, String actor, String why)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE registration SET status = 'ACTIVE',"
                + " activated_at = now() WHERE id = ? AND status = 'PENDING_PAYMENT'")) {
            update.setLong(1, registrationId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("registration " + reference + " was not waiting for payment");
            }
        }
        announce(connection, registrationId, reference);
        AuditLog.append(connection, actor, "REGISTRATION_ACTIVATED", "registration:" + reference,
                Json.object("status", "PENDING_PAYMENT"), Json.object("status", "ACTIVE"), why);
    }

    /**
     * Puts a now-active registration's IMEIs on the change log and settles their deadlines. One
     * statement each, not a round trip per IMEI: an importer's batch may hold 100,000 IMEIs.
     */
    static void announce(Connection connection, long registrationId, String reference) throws SQLException {
        changeAll(connection, registrationId, "REGISTERED", Json.object("registration", reference));
        try (PreparedStatement settle = connection.prepareStatement("UPDATE registration_deadline d SET"
                + " resolved = 'REGISTERED', resolved_at = now() FROM registration_imei ri"
                + " WHERE ri.registration_id = ? AND NOT ri.cancelled AND d.imei = ri.imei AND d.resolved IS NULL")) {
            settle.setLong(1, registrationId);
            settle.executeUpdate();
        }
    }

    /**
     * Appends one change-log row per live IMEI of a registration (what {@link org.ceir.store.ChangeLog#append}
     * writes, as one statement).
     */
    static void changeAll(Connection connection, long registrationId, String change, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO change_log (imei, change, detail)"
                + " SELECT imei, ?, ? FROM registration_imei WHERE registration_id = ? AND NOT cancelled ORDER BY imei")) {
            insert.setString(1, change);
            insert.setString(2, detail);
            insert.setLong(3, registrationId);
            insert.executeUpdate();
        }
    }
}
