package org.ceir.lists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small look-ups several classes of this package share. */
final class Lookups {
    private Lookups() {
    }

    /** The id of an active operator, or a refusal naming the operators there are. */
    static short operatorId(Connection connection, String code) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM operator WHERE code = ? AND active")) {
            query.setString(1, code == null ? "" : code.strip());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return row.getShort(1);
                }
            }
        }
        StringBuilder known = new StringBuilder();
        try (PreparedStatement query = connection.prepareStatement("SELECT code FROM operator WHERE active ORDER BY code");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                known.append(known.length() == 0 ? "" : ", ").append(rows.getString(1));
            }
        }
        throw new ListsException(ListsException.Kind.INVALID, "unknown operator '" + code + "'; this country's are "
                + known);
    }
}
