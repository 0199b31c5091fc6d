package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Merges an import's distinct IMEIs into {@code network_imei}: first and last seen widened, RATs
 * OR-ed, and {@code last_import_job} set where the import inserted the IMEI or moved its first
 * seen earlier (the check engine reloads those). Written only where something changes.
 *
 * <p>The IMEIs are taken once from what was imported, one row each, into a table of their own
 * ({@link #collect}); then the ones already known are updated in IMEI order and the rest inserted.
 * In IMEI order, because updating the rows in the order of the primary key touches each page once
 * (twice as fast as in hash order, measured on 1M IMEIs), and because two operators' imports that
 * meet on the same IMEIs then lock them in the same order and wait for each other instead of
 * deadlocking. The insert keeps {@code ON CONFLICT}: another operator's import or the check
 * engine may insert the same new IMEI meanwhile.
 */
final class ImeiMerge {
    record Counts(long inserted, long firstSeenMoved, long otherwiseUpdated) {
        long changed() {
            return inserted + firstSeenMoved + otherwiseUpdated;
        }
    }

    private final String imeis;

    /** @param imeis the name of the table of distinct IMEIs (from the job id, never from input) */
    ImeiMerge(String imeis) {
        this.imeis = imeis;
    }

    /**
     * Collects the distinct IMEIs of {@code source}, a query giving {@code imei, first_seen,
     * last_seen, rat_bitmask} per row, into this merge's table, in IMEI order.
     */
    void collect(Connection connection, String source) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNLOGGED TABLE " + imeis + " (imei bigint PRIMARY KEY, first_seen date NOT NULL,"
                    + " last_seen date NOT NULL, rat_bitmask int NOT NULL) WITH (autovacuum_enabled = false)");
            statement.execute("INSERT INTO " + imeis + " SELECT imei, min(first_seen), max(last_seen), bit_or(rat_bitmask)"
                    + " FROM (" + source + ") rows WHERE imei >= 0 GROUP BY imei ORDER BY imei");
            statement.execute("ANALYZE " + imeis);
        }
    }

    Counts merge(Connection connection, long jobId) throws SQLException {
        long moved;
        long updated;
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL enable_hashjoin = off"); // a merge join or index probes: IMEI order
        }
        try (PreparedStatement update = connection.prepareStatement("WITH changed AS (UPDATE network_imei AS n SET"
                + " first_seen = least(n.first_seen, s.first_seen), last_seen = greatest(n.last_seen, s.last_seen),"
                + " rat_bitmask = n.rat_bitmask | s.rat_bitmask,"
                + " first_seen_source = CASE WHEN s.first_seen < n.first_seen THEN 'IMPORT' ELSE n.first_seen_source END,"
                + " last_import_job = CASE WHEN s.first_seen < n.first_seen THEN ? ELSE n.last_import_job END"
                + " FROM " + imeis + " s WHERE n.imei = s.imei AND (s.first_seen < n.first_seen"
                + " OR s.last_seen > n.last_seen OR n.rat_bitmask | s.rat_bitmask <> n.rat_bitmask)"
                + " RETURNING n.last_import_job = ? AS moved)"
                + " SELECT count(*) FILTER (WHERE moved), count(*) FILTER (WHERE NOT moved) FROM changed")) {
            update.setLong(1, jobId);
            update.setLong(2, jobId);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                moved = row.getLong(1);
                updated = row.getLong(2);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL enable_hashjoin = on");
        }
        try (PreparedStatement insert = connection.prepareStatement("WITH added AS (INSERT INTO network_imei AS n"
                + " (imei, first_seen, last_seen, rat_bitmask, first_seen_source, last_import_job)"
                + " SELECT s.imei, s.first_seen, s.last_seen, s.rat_bitmask, 'IMPORT', ? FROM " + imeis + " s"
                + " WHERE NOT EXISTS (SELECT 1 FROM network_imei x WHERE x.imei = s.imei) ORDER BY s.imei"
                + " ON CONFLICT (imei) DO UPDATE SET"
                + " first_seen = least(n.first_seen, excluded.first_seen),"
                + " last_seen = greatest(n.last_seen, excluded.last_seen),"
                + " rat_bitmask = n.rat_bitmask | excluded.rat_bitmask,"
                + " first_seen_source = CASE WHEN excluded.first_seen < n.first_seen THEN 'IMPORT'"
                + "   ELSE n.first_seen_source END,"
                + " last_import_job = CASE WHEN excluded.first_seen < n.first_seen THEN excluded.last_import_job"
                + "   ELSE n.last_import_job END"
                + " WHERE excluded.first_seen < n.first_seen OR excluded.last_seen > n.last_seen"
                + "   OR n.rat_bitmask | excluded.rat_bitmask <> n.rat_bitmask"
                + " RETURNING xmax = 0 AS inserted, n.last_import_job = ? AS moved)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted AND moved),"
                + " count(*) FILTER (WHERE NOT inserted AND NOT moved) FROM added")) {
            insert.setLong(1, jobId);
            insert.setLong(2, jobId);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), moved + row.getLong(2), updated + row.getLong(3));
            }
        }
    }

    void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + imeis);
        }
    }
}
