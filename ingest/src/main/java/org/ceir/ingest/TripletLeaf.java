package org.ceir.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

/**
 * One operator's triplets of one month: a plain table under the month's table of
 * {@code network_triplet} (V11), named {@code network_triplet_YYYYMM_<operator id>}. Only that
 * operator's imports write it, one at a time (its advisory lock), so an import may create it,
 * fill it without index, index it and attach it, all in its own transaction.
 *
 * <p>Names come from numbers, never from input, so they are safe to put in SQL.
 */
record TripletLeaf(int month, short operatorId) {
    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");
    /** The triplet key: the IMEI first, so that the index also serves look-ups of one IMEI. */
    static final String KEY_COLUMNS = "imei, imsi, msisdn, imei_raw, triplet_month, operator_id";

    LocalDate firstDay() {
        return LocalDate.ofEpochDay(month);
    }

    String monthTable() {
        return "network_triplet_" + firstDay().format(YYYYMM);
    }

    String table() {
        return monthTable() + "_" + operatorId;
    }

    /** True when the table is there (attached, or made earlier in this transaction). */
    boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * Makes the table, not yet attached and without index, in the caller's transaction: writes to
     * a table made in the same transaction skip the WAL when the server runs with
     * {@code wal_level = minimal} (the embedded one does), and an index built once the rows are in
     * costs a sort instead of a probe per row. The bounds, as a constraint, let {@link #attach}
     * skip its validating scan. Half of each page is left free, as in {@code ensure_triplet_leaf}.
     */
    void create(Connection connection) throws SQLException {
        LocalDate first = firstDay();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table() + " (LIKE network_triplet INCLUDING DEFAULTS"
                    + " INCLUDING CONSTRAINTS) WITH (fillfactor = 50)");
            statement.execute("ALTER TABLE " + table() + " ADD CONSTRAINT " + table() + "_bounds CHECK (triplet_month"
                    + " >= DATE '" + first + "' AND triplet_month < DATE '" + first.plusMonths(1) + "' AND operator_id = "
                    + operatorId + ")");
        }
    }

    /** Builds the table's unique key; fails (23505) when two rows are the same triplet. */
    void index(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX " + table() + "_key ON " + table() + " (" + KEY_COLUMNS
                    + ") NULLS NOT DISTINCT");
        }
    }

    /**
     * Makes a table made by {@link #create} a partition of its month. Takes a SHARE UPDATE
     * EXCLUSIVE lock on the month's table until commit, which readers and writers of the month do
     * not wait for, but another attach to the same month does: run it last in the transaction,
     * after the audit log's lock, so two imports never hold these two locks in opposite order.
     */
    void attach(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + monthTable() + " ATTACH PARTITION " + table() + " FOR VALUES IN ("
                    + operatorId + ")");
        }
    }

    /**
     * Creates the tables of these months, in a short transaction of its own: creating a partition
     * locks the whole triplet table, which must not be held for the rest of an import. An empty
     * month table is not data; it stays if the import is then refused.
     */
    static void ensureMonths(DataSource dataSource, Iterable<Integer> months) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Locks.transactionLock(connection, Locks.PARTITION, 0);
                try (PreparedStatement ensure = connection.prepareStatement("SELECT ensure_triplet_month(?)")) {
                    for (int month : months) {
                        ensure.setObject(1, LocalDate.ofEpochDay(month));
                        ensure.execute();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
