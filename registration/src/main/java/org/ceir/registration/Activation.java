package org.ceir.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.ceir.store.AuditLog;
import org.ceir.store.ChangeLog;

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

    /** Puts a now-active registration's IMEIs on the change log and settles their deadlines. */
    static void announce(Connection connection, long registrationId, String reference) throws SQLException {
        long[] imeis = liveImeis(connection, registrationId);
        String detail = Json.object("registration", reference);
        for (long imei : imeis) {
            ChangeLog.append(connection, imei, "REGISTERED", detail);
        }
        settleDeadlines(connection, imeis);
    }

    static void settleDeadlines(Connection connection, long[] imeis) throws SQLException {
        Long[] boxed = new Long[imeis.length];
        for (int i = 0; i < imeis.length; i++) {
            boxed[i] = imeis[i];
        }
        try (PreparedStatement settle = connection.prepareStatement("UPDATE registration_deadline SET"
                + " resolved = 'REGISTERED', resolved_at = now() WHERE resolved IS NULL AND imei = ANY (?)")) {
            settle.setArray(1, connection.createArrayOf("bigint", boxed));
            settle.executeUpdate();
        }
    }
}
