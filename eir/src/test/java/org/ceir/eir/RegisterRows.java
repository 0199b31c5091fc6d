package org.ceir.eir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.ceir.store.ChangeLog;

/**
 * Writes register rows as the other modules do (the row, then its change in the same
 * transaction), so that tests can put a register in any state.
 */
final class RegisterRows {
    private RegisterRows() {
    }

    static void status(Connection connection, long imei, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO device_status (imei, status, reason, set_by) VALUES (?, ?, 'test', 'test')"
                        + " ON CONFLICT DO NOTHING")) {
            insert.setLong(1, imei);
            insert.setString(2, status);
            insert.executeUpdate();
        }
        ChangeLog.append(connection, imei, "STATUS_SET", "{\"status\":\"" + status + "\"}");
    }

    static void clearStatus(Connection connection, long imei, String status) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM device_status WHERE imei = ? AND status = ?")) {
            delete.setLong(1, imei);
            delete.setString(2, status);
            delete.executeUpdate();
        }
        ChangeLog.append(connection, imei, "STATUS_CLEARED", "{\"status\":\"" + status + "\"}");
    }

    static void pair(Connection connection, long imei, String imsi, String msisdn) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pairing (imei, imsi, msisdn, kind, created_by) VALUES (?, ?, ?, 'GRANDFATHERED', 'test')")) {
            insert.setLong(1, imei);
            insert.setString(2, imsi);
            insert.setString(3, msisdn);
            insert.executeUpdate();
        }
        ChangeLog.append(connection, imei, "PAIRED", null);
    }

    static void unpair(Connection connection, long imei, String imsi) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE pairing SET removed_at = now(), removed_by = 'test', removed_reason = 'test'"
                        + " WHERE imei = ? AND imsi = ? AND removed_at IS NULL")) {
            update.setLong(1, imei);
            update.setString(2, imsi);
            update.executeUpdate();
        }
        ChangeLog.append(connection, imei, "UNPAIRED", null);
    }

    static long register(Connection connection, long imei) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registration (reference, kind, status, created_by, activated_at)"
                        + " VALUES ('R-' || ?, 'INDIVIDUAL', 'ACTIVE', 'test', now()) RETURNING id")) {
            insert.setLong(1, imei);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registration_imei (registration_id, imei) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, imei);
            insert.executeUpdate();
        }
        ChangeLog.append(connection, imei, "REGISTERED", null);
        return id;
    }

    static void cancelRegistration(Connection connection, long registrationId, long imei) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE registration SET status = 'CANCELLED' WHERE id = ?")) {
            update.setLong(1, registrationId);
            update.executeUpdate();
        }
        ChangeLog.append(connection, imei, "UNREGISTERED", null);
    }

    /** A first sighting as an operator import writes it, without a change row (the import adds one for all). */
    static void seen(Connection connection, long imei, LocalDate firstSeen, Long importJob) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO network_imei (imei, first_seen, last_import_job) VALUES (?, ?, ?)"
                        + " ON CONFLICT (imei) DO UPDATE SET first_seen = LEAST(network_imei.first_seen, excluded.first_seen),"
                        + " last_import_job = excluded.last_import_job")) {
            insert.setLong(1, imei);
            insert.setObject(2, firstSeen);
            insert.setObject(3, importJob);
            insert.executeUpdate();
        }
    }

    static void networkImport(Connection connection, long importJob) throws SQLException {
        ChangeLog.append(connection, -1, "NETWORK_IMPORT", "{\"import_job\": " + importJob + "}");
    }

    static void tac(Connection connection, int tac, String deviceType) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tac_model (tac, manufacturer, model_name, device_type) VALUES (?, 'Test', 'Model', ?)")) {
            insert.setInt(1, tac);
            insert.setString(2, deviceType);
            insert.executeUpdate();
        }
    }

    static void tacImport(Connection connection) throws SQLException {
        ChangeLog.append(connection, -1, "TAC_IMPORT", "{\"import_job\": 1}");
    }
}
