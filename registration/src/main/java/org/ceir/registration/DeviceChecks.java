package org.ceir.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the register already says about IMEIs that someone wants to register: registered to a live
 * registration, reported stolen, or a confirmed clone.
 */
final class DeviceChecks {
    private DeviceChecks() {
    }

    /** Why each of these IMEIs may not be registered; IMEIs that may are absent. */
    static Map<Long, Refusal.Reason> blockers(Connection connection, long[] imeis) throws SQLException {
        Map<Long, Refusal.Reason> found = new HashMap<>();
        Long[] boxed = new Long[imeis.length];
        for (int i = 0; i < imeis.length; i++) {
            boxed[i] = imeis[i];
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT imei FROM registration_imei"
                + " WHERE NOT cancelled AND imei = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", boxed));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getLong(1), Refusal.Reason.ALREADY_REGISTERED);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT imei, status FROM device_status"
                + " WHERE status IN ('STOLEN', 'CLONE') AND imei = ANY (?) ORDER BY status DESC")) {
            query.setArray(1, connection.createArrayOf("bigint", boxed));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // STOLEN sorts after CLONE descending, so a stolen clone is refused as stolen
                    found.put(rows.getLong(1), "STOLEN".equals(rows.getString(2)) ? Refusal.Reason.STOLEN
                            : Refusal.Reason.CLONE);
                }
            }
        }
        return found;
    }

    static String explain(Refusal.Reason reason, String imei) {
        switch (reason) {
            case ALREADY_REGISTERED:
                return "IMEI " + imei + " is already registered";
            case STOLEN:
                return "IMEI " + imei + " is reported lost or stolen; it cannot be registered (take the phone to the police)";
            case CLONE:
                return "IMEI " + imei + " has clone status; the owner of a copied IMEI appeals at a post office";
            default:
                return "IMEI " + imei + ": " + reason;
        }
    }
}
