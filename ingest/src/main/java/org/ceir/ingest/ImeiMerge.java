package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Merges an import's distinct IMEIs into {@code network_imei}: first seen moved earlier, RATs
 * OR-ed, and {@code last_import_job} set where the import inserted the IMEI or moved its first
 * seen (the check engine reloads those). Only IMEIs with news are written: new ones, ones seen
 * earlier than before, ones on a new radio. A daily file is news for few of the IMEIs it holds
 * (store's V3 took the last seen day, which every file moved, out of this table), so the rest
 * cost a join and no write.
 *
 * <p>One statement: the import's IMEIs grouped, left-joined to the table to keep those with news,
 * inserted in IMEI order with {@code ON CONFLICT DO UPDATE … WHERE} something changes. In IMEI
 * order, because writing rows in the order of the primary key touches each page once, and because
 * two operators' imports that meet on the same IMEIs then lock them in the same order and wait for
 * each other instead of deadlocking. {@code ON CONFLICT}, because another operator's import or the
 * check engine may insert the same new IMEI after the join has looked.
 */
final class ImeiMerge {
    record Counts(long inserted, long firstSeenMoved, long otherwiseUpdated) {
        long changed() {
            return inserted + firstSeenMoved + otherwiseUpdated;
        }
    }

    private ImeiMerge() {
    }

    /**
     * Merges the IMEIs of {@code source}, a query giving {@code imei, first_seen, rat_bitmask} per
     * row (unusable IMEIs, -1, are left out).
     */
    static Counts merge(Connection connection, String source, long jobId) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("WITH merged AS (INSERT INTO network_imei AS n"
                + " (imei, first_seen, rat_bitmask, first_seen_source, last_import_job)"
                + " SELECT s.imei, s.first_seen, s.rat_bitmask, 'IMPORT', ?"
                + " FROM (SELECT imei, min(first_seen) AS first_seen, bit_or(rat_bitmask) AS rat_bitmask"
                + "   FROM (" + source + ") rows WHERE imei >= 0 GROUP BY imei) s"
                + " LEFT JOIN network_imei o ON o.imei = s.imei"
                + " WHERE o.imei IS NULL OR s.first_seen < o.first_seen"
                + "   OR o.rat_bitmask | s.rat_bitmask <> o.rat_bitmask"
                + " ORDER BY s.imei"
                + " ON CONFLICT (imei) DO UPDATE SET"
                + " first_seen = least(n.first_seen, excluded.first_seen),"
                + " rat_bitmask = n.rat_bitmask | excluded.rat_bitmask,"
                + " first_seen_source = CASE WHEN excluded.first_seen < n.first_seen THEN 'IMPORT'"
                + "   ELSE n.first_seen_source END,"
                + " last_import_job = CASE WHEN excluded.first_seen < n.first_seen THEN excluded.last_import_job"
                + "   ELSE n.last_import_job END"
                + " WHERE excluded.first_seen < n.first_seen"
                + "   OR n.rat_bitmask | excluded.rat_bitmask <> n.rat_bitmask"
                + " RETURNING xmax = 0 AS inserted, n.last_import_job = ? AS moved)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted AND moved),"
                + " count(*) FILTER (WHERE NOT inserted AND NOT moved) FROM merged")) {
            merge.setLong(1, jobId);
            merge.setLong(2, jobId);
            try (ResultSet row = merge.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }
}
