package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ceir.core.identity.Imsi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads the triplets of a day range out of PostgreSQL with {@code COPY … TO STDOUT}, the fastest
 * way out of the server, parsing each row's bytes in place (no String per field).
 *
 * <p>COPY takes no bind parameters, so the range is handed over with {@code set_config} (which
 * does) and read back with {@code current_setting}: the SQL text stays constant and parameterised.
 */
final class TripletLoader {
    private static final String COPY_SQL = "COPY (SELECT imei, imsi, msisdn, operator_id, triplet_month,"
            + " date_bitmask, rat_bitmask FROM network_triplet"
            + " WHERE triplet_month >= date_trunc('month', current_setting('ceir.detect_from')::date)"
            + " AND triplet_month < current_setting('ceir.detect_to')::date"
            + " AND last_seen >= current_setting('ceir.detect_from')::date"
            + " AND first_seen < current_setting('ceir.detect_to')::date"
            + " AND imei <> -1) TO STDOUT";

    private TripletLoader() {
    }

    /** The operators' codes by index; a triplet's operator is kept as its index (at most 64). */
    static List<String> operatorCodes(Connection connection, short[] indexById) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, code FROM operator ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int id = rows.getShort(1);
                if (codes.size() == 64 || id < 0 || id >= indexById.length) {
                    throw new IllegalStateException("detection handles at most 64 operators with ids below "
                            + indexById.length + "; operator " + rows.getString(2) + " has id " + id);
                }
                indexById[id] = (short) codes.size();
                codes.add(rows.getString(2));
            }
        }
        return codes;
    }

    /** A rough count of the rows in the range's partitions, for progress. */
    static long estimate(Connection connection, DayRange range) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                // The leaves: a month is partitioned by operator (ingest's V11), named after the month.
                "SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint FROM pg_partition_tree('network_triplet') t"
                        + " JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf AND c.relname >= ? AND c.relname < ?")) {
            query.setString(1, "network_triplet_" + yyyymm(range.start()));
            query.setString(2, "network_triplet_" + yyyymm(range.end().plusMonths(1)));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String yyyymm(LocalDate day) {
        return String.format("%04d%02d", day.getYear(), day.getMonthValue());
    }

    /**
     * Loads the range's rows (inside the caller's transaction).
     *
     * @param progress called now and then with the rows read so far
     */
    static TripletTable load(Connection connection, DayRange range, short[] operatorIndex, long expectedRows,
                             Consumer<Long> progress) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('ceir.detect_from', ?, true), set_config('ceir.detect_to', ?, true)")) {
            set.setString(1, range.start().toString());
            set.setString(2, range.end().toString());
            set.execute();
        }
        TripletTable table = new TripletTable(range, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, expectedRows)));
        Parser parser = new Parser(table, range, operatorIndex);
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY_SQL);
        long read = 0;
        try {
            byte[] row;
            while ((row = copy.readFromCopy()) != null) {
                parser.parse(row);
                if (++read % 1_000_000 == 0) {
                    progress.accept(read);
                }
            }
        } catch (RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        progress.accept(read);
        return table;
    }

    /** Parses one COPY text row: tab-separated fields, {@code \N} for NULL, a newline at the end. */
    static final class Parser {
        private final TripletTable table;
        private final DayRange range;
        private final short[] operatorIndex;
        private int cachedYear = -1;
        private int cachedMonth = -1;
        private int cachedOffset;
        private int pos;

        Parser(TripletTable table, DayRange range, short[] operatorIndex) {
            this.table = table;
            this.range = range;
            this.operatorIndex = operatorIndex;
        }

        void parse(byte[] row) {
            pos = 0;
            long imei = number(row);
            long imsi = digitKey(row);
            long msisdn = digitKey(row);
            int operatorId = (int) number(row);
            int offset = monthOffset(row);
            int bitmask = (int) number(row);
            int rat = (int) number(row);
            table.add(imei, imsi, msisdn, operatorIndex[operatorId], offset, bitmask, rat);
        }

        private long number(byte[] row) {
            long value = 0;
            boolean negative = false;
            while (pos < row.length) {
                byte b = row[pos++];
                if (b == '\t' || b == '\n') {
                    break;
                }
                if (b == '-') {
                    negative = true;
                } else {
                    value = value * 10 + (b - '0');
                }
            }
            return negative ? -value : value;
        }

        /** A digit string as {@link Imsi#key(CharSequence)} does it, or -1 for NULL, empty or not digits. */
        private long digitKey(byte[] row) {
            int start = pos;
            long value = 0;
            boolean digits = true;
            while (pos < row.length) {
                byte b = row[pos++];
                if (b == '\t' || b == '\n') {
                    break;
                }
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                } else {
                    digits = false;
                }
            }
            int length = pos - 1 - start;
            if (!digits || length == 0 || length > 15) {
                return -1;
            }
            return length * 1_000_000_000_000_000L + value;
        }

        private int monthOffset(byte[] row) {
            int year = (row[pos] - '0') * 1000 + (row[pos + 1] - '0') * 100 + (row[pos + 2] - '0') * 10 + (row[pos + 3] - '0');
            int month = (row[pos + 5] - '0') * 10 + (row[pos + 6] - '0');
            pos += 11; // YYYY-MM-DD and the tab
            if (year != cachedYear || month != cachedMonth) {
                cachedYear = year;
                cachedMonth = month;
                cachedOffset = range.index(LocalDate.of(year, month, 1));
            }
            return cachedOffset;
        }
    }
}
