package org.ceir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the database holds, for {@code ceir db status}. */
public final class StoreStatus {
    /** Tables counted exactly; the network triplets are estimated (they run to billions of rows). */
    private static final String[] COUNTED = {"operator", "tac_model", "import_job", "network_imei",
        "registration", "registration_imei", "device_status", "pairing", "change_log", "audit_log", "app_user"};

    private StoreStatus() {
    }

    /** The newest schema version applied, e.g. {@code 1 base schema}. */
    public static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT version, description FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) + " (" + row.getString(2) + ")" : "none";
        }
    }

    /** Rows per table; the triplets' figure is PostgreSQL's estimate, prefixed with "~". */
    public static Map<String, String> rowCounts(Connection connection) throws SQLException {
        Map<String, String> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table);
                 ResultSet row = query.executeQuery()) {
                row.next();
                counts.put(table, String.format("%,d", row.getLong(1)));
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                // Months are partitioned by operator (ingest's V11): rows are counted in the leaves.
                "SELECT coalesce(sum(greatest(c.reltuples, 0)) FILTER (WHERE t.isleaf), 0)::bigint,"
                        + " count(*) FILTER (WHERE t.level = 1) FROM pg_partition_tree('network_triplet') t"
                        + " JOIN pg_class c ON c.oid = t.relid");
             ResultSet row = query.executeQuery()) {
            row.next();
            counts.put("network_triplet", "~" + String.format("%,d", row.getLong(1)) + " in "
                    + row.getLong(2) + " monthly partitions");
        }
        return counts;
    }
}
