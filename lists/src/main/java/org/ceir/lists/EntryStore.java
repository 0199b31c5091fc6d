package org.ceir.lists;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The {@code list_entry} history: the lists as they stand (to compare a new export with), new
 * rows by COPY, rows ended by a run, and any run's full list or delta rebuilt from the history.
 */
final class EntryStore {
    private static final int FETCH = 20_000;
    private static final int UPDATE_BATCH = 50_000;
    private static final String VALID_AT = "added_run <= ? AND (removed_run IS NULL OR removed_run > ?)";

    private EntryStore() {
    }

    /** The rows a list holds now, in file order; read through {@link Cursor#next()}. */
    static Cursor current(Connection connection, ListKind list, String operator) throws SQLException {
        PreparedStatement query = connection.prepareStatement(
                "SELECT id, imei, imsi, msisdn, block_date, reasons FROM list_entry"
                        + " WHERE list = ? AND operator = ? AND removed_run IS NULL ORDER BY imei, imsi, msisdn");
        query.setString(1, list.name());
        query.setString(2, operator);
        return new Cursor(query, list, operator, false);
    }

    /** The rows a list held at a run, in file order. */
    static Cursor at(Connection connection, ListKind list, String operator, long run, boolean latest)
            throws SQLException {
        PreparedStatement query;
        if (latest) {
            query = connection.prepareStatement(
                    "SELECT id, imei, imsi, msisdn, block_date, reasons FROM list_entry"
                            + " WHERE list = ? AND operator = ? AND removed_run IS NULL ORDER BY imei, imsi, msisdn");
        } else {
            query = connection.prepareStatement(
                    "SELECT id, imei, imsi, msisdn, block_date, reasons FROM list_entry"
                            + " WHERE list = ? AND operator = ? AND " + VALID_AT + " ORDER BY imei, imsi, msisdn");
            query.setLong(3, run);
            query.setLong(4, run);
        }
        query.setString(1, list.name());
        query.setString(2, operator);
        return new Cursor(query, list, operator, false);
    }

    /**
     * The rows added or removed after run {@code base} up to run {@code run}, in file order, each
     * with its runs: what a delta between the two is made of. {@code base} 0 means "before any run".
     */
    static Cursor changedBetween(Connection connection, ListKind list, String operator, long base, long run)
            throws SQLException {
        PreparedStatement query = connection.prepareStatement(
                "SELECT id, imei, imsi, msisdn, block_date, reasons, added_run, removed_run FROM list_entry"
                        + " WHERE list = ? AND operator = ? AND ((added_run > ? AND added_run <= ?)"
                        + " OR (removed_run > ? AND removed_run <= ?)) ORDER BY imei, imsi, msisdn, id");
        query.setString(1, list.name());
        query.setString(2, operator);
        query.setLong(3, base);
        query.setLong(4, run);
        query.setLong(5, base);
        query.setLong(6, run);
        return new Cursor(query, list, operator, true);
    }

    /** Ends the given rows at {@code run}. */
    static void remove(Connection connection, LongArrayList ids, long run) throws SQLException {
        long[] all = ids.toLongArray();
        Arrays.sort(all);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE list_entry SET removed_run = ? WHERE id = ANY (?) AND removed_run IS NULL")) {
            for (int from = 0; from < all.length; from += UPDATE_BATCH) {
                long[] batch = Arrays.copyOfRange(all, from, Math.min(all.length, from + UPDATE_BATCH));
                Long[] boxed = new Long[batch.length];
                Arrays.setAll(boxed, i -> batch[i]);
                update.setLong(1, run);
                update.setArray(2, connection.createArrayOf("bigint", boxed));
                update.executeUpdate();
            }
        }
    }

    /** Ends every current row of the lists of operators that are gone from the configuration. */
    static long removeOtherOperators(Connection connection, java.util.Collection<String> operators, long run)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE list_entry SET removed_run = ? WHERE removed_run IS NULL AND list <> 'BLACKLIST'"
                        + " AND NOT (operator = ANY (?))")) {
            update.setLong(1, run);
            update.setArray(2, connection.createArrayOf("text", operators.toArray()));
            return update.executeUpdate();
        }
    }

    /**
     * Forgets what no kept run can show: rows that ended at or before {@code oldestKept}.
     *
     * @return the rows deleted
     */
    static long prune(Connection connection, long oldestKept) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM list_entry WHERE removed_run IS NOT NULL AND removed_run <= ?")) {
            delete.setLong(1, oldestKept);
            return delete.executeUpdate();
        }
    }

    /** New rows for one run, streamed by COPY; {@link #close()} ends the COPY. */
    static final class Appender implements AutoCloseable {
        private final CopyIn copy;
        private final long run;
        private final byte[] buffer = new byte[1 << 16];
        private final StringBuilder line = new StringBuilder(128);
        private int used;
        private long rows;

        Appender(Connection connection, long run) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY list_entry (list, operator, imei, imsi, msisdn, block_date, reasons, added_run) FROM STDIN");
            this.run = run;
        }

        void add(ListEntry entry) throws SQLException {
            line.setLength(0);
            line.append(entry.list().name()).append('\t').append(text(entry.operator())).append('\t')
                    .append(entry.imei()).append('\t').append(text(entry.imsi())).append('\t')
                    .append(text(entry.msisdn())).append('\t')
                    .append(entry.blockDate() == null ? "\\N" : entry.blockDate().toString()).append('\t')
                    .append(text(entry.reasons())).append('\t').append(run).append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            if (used + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                copy.writeToCopy(bytes, 0, bytes.length);
            } else {
                System.arraycopy(bytes, 0, buffer, used, bytes.length);
                used += bytes.length;
            }
            rows++;
        }

        long rows() {
            return rows;
        }

        private void flush() throws SQLException {
            if (used > 0) {
                copy.writeToCopy(buffer, 0, used);
                used = 0;
            }
        }

        /** Ends the COPY: the rows are written (in the connection's transaction). */
        @Override
        public void close() throws SQLException {
            if (!copy.isActive()) {
                return;
            }
            flush();
            copy.endCopy();
        }

        /** Abandons the COPY after a failure. */
        void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway
            }
        }

        /** COPY's text format: backslash, tab and line breaks escaped (list values never have them). */
        private static String text(String value) {
            if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                return value;
            }
            return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    /** Rows of one list read in file order, one ahead. */
    static final class Cursor implements AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final ListKind list;
        private final String operator;
        private final boolean withRuns;
        private ListEntry entry;
        private long id;
        private long addedRun;
        private long removedRun;

        Cursor(PreparedStatement statement, ListKind list, String operator, boolean withRuns) throws SQLException {
            this.statement = statement;
            this.list = list;
            this.operator = operator;
            this.withRuns = withRuns;
            statement.setFetchSize(FETCH);
            this.rows = statement.executeQuery();
        }

        /** Moves to the next row; false at the end. */
        boolean next() throws SQLException {
            if (!rows.next()) {
                entry = null;
                return false;
            }
            id = rows.getLong(1);
            entry = new ListEntry(list, operator, rows.getLong(2), rows.getString(3), rows.getString(4),
                    rows.getObject(5, LocalDate.class), rows.getString(6));
            if (withRuns) {
                addedRun = rows.getLong(7);
                removedRun = rows.getLong(8);
                if (rows.wasNull()) {
                    removedRun = 0;
                }
            }
            return true;
        }

        ListEntry entry() {
            return entry;
        }

        long id() {
            return id;
        }

        /** Whether the current row was on the list at {@code run}. */
        boolean validAt(long run) {
            return addedRun <= run && (removedRun == 0 || removedRun > run);
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
