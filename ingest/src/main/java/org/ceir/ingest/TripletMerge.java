package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Merges staged operator rows into one (month, operator) table of triplets in set-based SQL: the
 * file's rows grouped into triplets (day bitmask OR-ed, first and last seen widened, RATs OR-ed),
 * then one {@code MERGE} that updates the triplets already there and inserts the others. A row is
 * only written when it changes, so merging the same data twice writes nothing and counts nothing,
 * which is how an overlapping file is found to be old news.
 *
 * <p>Why not {@code INSERT … ON CONFLICT DO UPDATE}: it probes the unique index once per row and
 * locks (and WAL-logs) every row it finds even when nothing changes; the join reads both sides
 * once. One {@code MERGE}, not an {@code UPDATE … FROM} and an anti-join {@code INSERT}, groups the
 * staged rows and joins them once instead of twice. Triplets are matched on all four key columns,
 * NULL-safe: the {@code coalesce} equalities let PostgreSQL hash the join on them (skewed keys, such as thousands of rows with neither IMEI
 * nor IMSI, would otherwise pile into one hash bucket), and {@code IS NOT DISTINCT FROM} makes the
 * match exact. Only the owning operator's imports write the table, so nothing races the merge.
 */
final class TripletMerge {
    record Counts(long inserted, long updated) {
        Counts plus(Counts other) {
            return new Counts(inserted + other.inserted, updated + other.updated);
        }
    }

    private static final String COLUMNS = "triplet_month, operator_id, imei, imei_raw, imsi, msisdn, first_seen,"
            + " last_seen, date_bitmask, rat_bitmask";

    private final String stage;

    /** @param stage the staging table's name (made by the importer from the job id, never from input) */
    TripletMerge(String stage) {
        this.stage = stage;
    }

    /** The staged rows of one month as triplets: one row per key, days and RATs combined. */
    private String triplets() {
        return "(SELECT imei, imei_raw, imsi, msisdn, date '1970-01-01' + min(day) AS first_seen,"
                + " date '1970-01-01' + max(day) AS last_seen, bit_or(dbit) AS date_bitmask, bit_or(rat) AS rat_bitmask"
                + " FROM " + stage + " WHERE month = ? GROUP BY imei, imei_raw, imsi, msisdn)";
    }

    /** True when triplets {@code a} and {@code b} have the same key (NULLs equal). */
    static String sameTriplet(String a, String b) {
        StringBuilder sql = new StringBuilder(a + ".imei = " + b + ".imei");
        for (String column : new String[] {"imsi", "msisdn", "imei_raw"}) {
            sql.append(" AND coalesce(").append(a).append('.').append(column).append(", '') = coalesce(")
                    .append(b).append('.').append(column).append(", '')");
        }
        for (String column : new String[] {"imsi", "msisdn", "imei_raw"}) {
            sql.append(" AND ").append(a).append('.').append(column).append(" IS NOT DISTINCT FROM ").append(b)
                    .append('.').append(column);
        }
        return sql.toString();
    }

    /** Fills a table made in this transaction with the month's staged triplets; returns how many. */
    long fill(Connection connection, TripletLeaf leaf) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + leaf.table() + " (" + COLUMNS + ")"
                + " SELECT ?, ?, imei, imei_raw, imsi, msisdn, first_seen, last_seen, date_bitmask, rat_bitmask"
                + " FROM " + triplets() + " s")) {
            insert.setObject(1, leaf.firstDay());
            insert.setShort(2, leaf.operatorId());
            insert.setInt(3, leaf.month());
            return insert.executeUpdate();
        }
    }

    /**
     * Merges the month's staged triplets into the operator's table of that month, in one {@code
     * MERGE}: one join of the grouped rows with the table, an update where a triplet is there and
     * something changes, an insert where it is not.
     */
    Counts merge(Connection connection, TripletLeaf leaf) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("WITH merged AS (MERGE INTO " + leaf.table()
                + " AS t USING " + triplets() + " s ON " + sameTriplet("t", "s")
                + " WHEN MATCHED AND (t.date_bitmask | s.date_bitmask <> t.date_bitmask"
                + " OR t.rat_bitmask | s.rat_bitmask <> t.rat_bitmask OR s.first_seen < t.first_seen"
                + " OR s.last_seen > t.last_seen) THEN UPDATE SET first_seen = least(t.first_seen, s.first_seen),"
                + " last_seen = greatest(t.last_seen, s.last_seen), date_bitmask = t.date_bitmask | s.date_bitmask,"
                + " rat_bitmask = t.rat_bitmask | s.rat_bitmask"
                + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (?, ?, s.imei, s.imei_raw, s.imsi, s.msisdn,"
                + " s.first_seen, s.last_seen, s.date_bitmask, s.rat_bitmask)"
                + " RETURNING merge_action() AS action)"
                + " SELECT count(*) FILTER (WHERE action = 'INSERT'), count(*) FILTER (WHERE action = 'UPDATE')"
                + " FROM merged")) {
            merge.setInt(1, leaf.month());
            merge.setObject(2, leaf.firstDay());
            merge.setShort(3, leaf.operatorId());
            try (ResultSet row = merge.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2));
            }
        }
    }

    /**
     * Combines rows of a table filled straight from a file that turned out to be the same triplet
     * (a file repeating a row, against its contract, or holding another day of the month): the
     * rare case in which building its unique key failed. Returns how many rows were removed.
     */
    static long combineRepeats(Connection connection, TripletLeaf leaf) throws SQLException {
        String table = leaf.table();
        String repeats = table + "_repeats";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + repeats + " AS SELECT imei, imei_raw, imsi,"
                    + " msisdn, min(first_seen) AS first_seen, max(last_seen) AS last_seen, bit_or(date_bitmask)"
                    + " AS date_bitmask, bit_or(rat_bitmask) AS rat_bitmask, count(*) AS copies FROM " + table
                    + " GROUP BY imei, imei_raw, imsi, msisdn HAVING count(*) > 1");
            statement.executeUpdate("DELETE FROM " + table + " t USING " + repeats + " s WHERE " + sameTriplet("t", "s"));
            statement.executeUpdate("INSERT INTO " + table + " (" + COLUMNS + ") SELECT DATE '" + leaf.firstDay()
                    + "', " + leaf.operatorId() + ", imei, imei_raw, imsi, msisdn, first_seen, last_seen, date_bitmask,"
                    + " rat_bitmask FROM " + repeats);
            try (ResultSet row = statement.executeQuery("SELECT coalesce(sum(copies - 1), 0) FROM " + repeats)) {
                row.next();
                long removed = row.getLong(1);
                statement.execute("DROP TABLE " + repeats);
                return removed;
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
