package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Merges a staged operator file into the store in set-based SQL: the monthly triplets (day
 * bitmask OR-ed in, first and last seen widened, RATs OR-ed) and the network IMEIs (first and last
 * seen, RATs). A row is only written when it changes, so merging the same data twice writes
 * nothing and counts nothing, which is how an overlapping file is found to be old news.
 *
 * <p>Input is sorted by key: index probes then walk the B-tree in order, and two operators'
 * imports that meet on one IMEI lock the same {@code network_imei} rows in the same order, so
 * they wait for each other instead of deadlocking.
 */
final class TripletMerge {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    record Counts(long inserted, long updated) {
    }

    record ImeiCounts(long inserted, long firstSeenMoved, long otherwiseUpdated) {
        long changed() {
            return inserted + firstSeenMoved + otherwiseUpdated;
        }
    }

    private final String stage;

    /** @param stage the staging table's name (made by the importer from the job id, never from input) */
    TripletMerge(String stage) {
        this.stage = stage;
    }

    static String createStage(String stage) {
        return "CREATE UNLOGGED TABLE " + stage + " (month int NOT NULL, day int NOT NULL, dbit int NOT NULL,"
                + " imei bigint NOT NULL, imei_raw text, imsi text, msisdn text, rat int NOT NULL)"
                + " WITH (autovacuum_enabled = false)";
    }

    /**
     * Merges one month of the staged rows into that month's partition, addressed directly: it saves
     * routing every row, and only a plain table can tell inserted rows from updated ones
     * ({@code xmax = 0}).
     */
    Counts triplets(Connection connection, short operatorId, int month) throws SQLException {
        String partition = "network_triplet_" + LocalDate.ofEpochDay(month).format(MONTH);
        if (firstOfMonth(connection, partition, operatorId, month)) {
            return new Counts(insertAll(connection, partition, operatorId, month), 0);
        }
        String sql = "WITH merged AS ("
                + " INSERT INTO " + partition + " AS t (triplet_month, operator_id, imei, imei_raw, imsi, msisdn,"
                + "   first_seen, last_seen, date_bitmask, rat_bitmask)"
                + " SELECT date '1970-01-01' + month, ?, imei, imei_raw, imsi, msisdn,"
                + "   date '1970-01-01' + min(day), date '1970-01-01' + max(day), bit_or(dbit), bit_or(rat)"
                + " FROM " + stage + " WHERE month = ?"
                + " GROUP BY month, imei, imei_raw, imsi, msisdn ORDER BY imei, imei_raw, imsi, msisdn"
                + " ON CONFLICT (triplet_month, operator_id, imei, imei_raw, imsi, msisdn) DO UPDATE SET"
                + "   first_seen = least(t.first_seen, excluded.first_seen),"
                + "   last_seen = greatest(t.last_seen, excluded.last_seen),"
                + "   date_bitmask = t.date_bitmask | excluded.date_bitmask,"
                + "   rat_bitmask = t.rat_bitmask | excluded.rat_bitmask"
                + " WHERE t.date_bitmask | excluded.date_bitmask <> t.date_bitmask"
                + "   OR t.rat_bitmask | excluded.rat_bitmask <> t.rat_bitmask"
                + "   OR excluded.first_seen < t.first_seen OR excluded.last_seen > t.last_seen"
                + " RETURNING xmax = 0 AS inserted)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged";
        try (PreparedStatement merge = connection.prepareStatement(sql)) {
            merge.setShort(1, operatorId);
            merge.setInt(2, month);
            try (ResultSet row = merge.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2));
            }
        }
    }

    /**
     * True when the partition holds nothing of this operator's month yet. Imports of one operator
     * are serialised, so nobody else can add its rows meanwhile, and a plain INSERT is safe: about
     * a quarter cheaper than INSERT … ON CONFLICT, which must first insert speculatively.
     */
    private static boolean firstOfMonth(Connection connection, String partition, short operatorId, int month)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM " + partition
                + " WHERE triplet_month = date '1970-01-01' + ? AND operator_id = ?)")) {
            query.setInt(1, month);
            query.setShort(2, operatorId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private long insertAll(Connection connection, String partition, short operatorId, int month) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + partition
                + " (triplet_month, operator_id, imei, imei_raw, imsi, msisdn, first_seen, last_seen, date_bitmask,"
                + " rat_bitmask) SELECT date '1970-01-01' + month, ?, imei, imei_raw, imsi, msisdn,"
                + " date '1970-01-01' + min(day), date '1970-01-01' + max(day), bit_or(dbit), bit_or(rat)"
                + " FROM " + stage + " WHERE month = ?"
                + " GROUP BY month, imei, imei_raw, imsi, msisdn ORDER BY imei, imei_raw, imsi, msisdn")) {
            insert.setShort(1, operatorId);
            insert.setInt(2, month);
            return insert.executeUpdate();
        }
    }

    ImeiCounts imeis(Connection connection, long jobId) throws SQLException {
        String sql = "WITH merged AS ("
                + " INSERT INTO network_imei AS n (imei, first_seen, last_seen, rat_bitmask, first_seen_source, last_import_job)"
                + " SELECT imei, date '1970-01-01' + min(day), date '1970-01-01' + max(day), bit_or(rat), 'IMPORT', ?"
                + " FROM " + stage + " WHERE imei >= 0 GROUP BY imei ORDER BY imei"
                + " ON CONFLICT (imei) DO UPDATE SET"
                + "   first_seen = least(n.first_seen, excluded.first_seen),"
                + "   last_seen = greatest(n.last_seen, excluded.last_seen),"
                + "   rat_bitmask = n.rat_bitmask | excluded.rat_bitmask,"
                + "   first_seen_source = CASE WHEN excluded.first_seen < n.first_seen THEN 'IMPORT'"
                + "     ELSE n.first_seen_source END,"
                + "   last_import_job = CASE WHEN excluded.first_seen < n.first_seen THEN excluded.last_import_job"
                + "     ELSE n.last_import_job END"
                + " WHERE excluded.first_seen < n.first_seen OR excluded.last_seen > n.last_seen"
                + "   OR n.rat_bitmask | excluded.rat_bitmask <> n.rat_bitmask"
                + " RETURNING xmax = 0 AS inserted, n.last_import_job = ? AS moved)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted AND moved),"
                + "   count(*) FILTER (WHERE NOT inserted AND NOT moved) FROM merged";
        try (PreparedStatement merge = connection.prepareStatement(sql)) {
            merge.setLong(1, jobId);
            merge.setLong(2, jobId);
            try (ResultSet row = merge.executeQuery()) {
                row.next();
                return new ImeiCounts(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }

    /** Records the file's daily distinct counts for later history checks; keeps the larger of two estimates. */
    static void dayStats(Connection connection, short operatorId, long jobId, OperatorFileReader file)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO operator_day_stats AS s (operator_id, day, imeis, imsis, msisdns, import_job)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (operator_id, day) DO UPDATE SET"
                        + " imeis = greatest(s.imeis, excluded.imeis), imsis = greatest(s.imsis, excluded.imsis),"
                        + " msisdns = greatest(s.msisdns, excluded.msisdns), import_job = excluded.import_job"
                        + " WHERE excluded.imeis > s.imeis OR excluded.imsis > s.imsis OR excluded.msisdns > s.msisdns")) {
            for (var entry : file.days.entrySet()) {
                upsert.setShort(1, operatorId);
                upsert.setObject(2, LocalDate.ofEpochDay(entry.getKey()));
                upsert.setLong(3, Math.round(entry.getValue().imeis.getEstimate()));
                upsert.setLong(4, Math.round(entry.getValue().imsis.getEstimate()));
                upsert.setLong(5, Math.round(entry.getValue().msisdns.getEstimate()));
                upsert.setLong(6, jobId);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
