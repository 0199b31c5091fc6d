package org.ceir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records that a device's check outcome may have changed (a status, a pairing, a registration).
 * Write it in the same transaction as the change itself, so the two commit together.
 */
public final class ChangeLog {
    private ChangeLog() {
    }

    /**
     * @param imei   the 14-digit key of the device
     * @param change what changed, e.g. {@code STATUS_SET}, {@code PAIRED}
     * @param detail JSON for people and the delta lists, or null
     */
    public static void append(Connection connection, long imei, String change, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO change_log (imei, change, detail) VALUES (?, ?, ?)")) {
            insert.setLong(1, imei);
            insert.setString(2, change);
            insert.setString(3, detail);
            insert.executeUpdate();
        }
    }
}
