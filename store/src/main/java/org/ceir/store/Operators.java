package org.ceir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;

/** The {@code operator} table, kept in step with the configured country. */
public final class Operators {
    private Operators() {
    }

    /**
     * Inserts or updates the country's operators and marks any other as inactive (kept, because
     * history refers to it).
     *
     * @return operator code → id
     */
    public static Map<String, Short> sync(Connection connection, Country country) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO operator (code, name, mcc, mnc, active) VALUES (?, ?, ?, ?, true)"
                        + " ON CONFLICT (code) DO UPDATE SET name = excluded.name, mcc = excluded.mcc,"
                        + " mnc = excluded.mnc, active = true"
                        + " WHERE (operator.name, operator.mcc, operator.mnc, operator.active)"
                        + " IS DISTINCT FROM (excluded.name, excluded.mcc, excluded.mnc, true)")) {
            for (Operator operator : country.operators()) {
                upsert.setString(1, operator.code());
                upsert.setString(2, operator.name());
                upsert.setString(3, operator.mcc());
                upsert.setString(4, operator.mnc());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement retire = connection.prepareStatement(
                "UPDATE operator SET active = false WHERE active AND NOT (code = ANY (?))")) {
            retire.setArray(1, connection.createArrayOf("text",
                    country.operators().stream().map(Operator::code).toArray()));
            retire.executeUpdate();
        }
        return ids(connection);
    }

    /** Operator code → id of the active operators. */
    public static Map<String, Short> ids(Connection connection) throws SQLException {
        Map<String, Short> ids = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT code, id FROM operator WHERE active ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.put(rows.getString(1), rows.getShort(2));
            }
        }
        return ids;
    }
}
