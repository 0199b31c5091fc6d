package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imsi;

/**
 * One IMEI's evidence computed now, from its triplets, with the same engine a run uses: for
 * {@code ceir show}, and for the evidence kept with an analyst's decision. Its queries (and
 * {@code CaseActions}'s pairing query) filter by {@code imei}, so that a per-IMEI index of
 * {@code network_triplet} serves them instead of a scan of every partition in the window.
 */
final class SingleImei {
    private SingleImei() {
    }

    /** The IMEI's evidence over the window ending the day after {@code asOf}; empty when it was not seen. */
    static Optional<Evidence> evidence(Connection connection, Country country, long imei, LocalDate asOf,
                                       int windowDays, int maxSims) throws SQLException {
        LocalDate end = asOf.plusDays(1);
        DayRange range = new DayRange(end.minusDays(windowDays), end);
        short[] operatorIndex = new short[Short.MAX_VALUE + 1];
        List<String> operators = TripletLoader.operatorCodes(connection, operatorIndex);
        TripletTable table = new TripletTable(range, 64);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT imsi, msisdn, operator_id, triplet_month, date_bitmask, rat_bitmask FROM network_triplet"
                        + " WHERE imei = ? AND triplet_month >= date_trunc('month', ?::date) AND triplet_month < ?"
                        + " AND last_seen >= ? AND first_seen < ?")) {
            query.setLong(1, imei);
            query.setObject(2, range.start());
            query.setObject(3, end);
            query.setObject(4, range.start());
            query.setObject(5, end);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    table.add(imei, Imsi.key(rows.getString(1)), Imsi.key(rows.getString(2)),
                            operatorIndex[rows.getShort(3)], range.index(rows.getObject(4, LocalDate.class)),
                            rows.getInt(5), rows.getInt(6));
                }
            }
        }
        if (table.size == 0) {
            return Optional.empty();
        }
        int[] order = new int[table.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        ImeiHistory history = new ImeiHistory(table);
        history.load(order, 0, order.length);
        return Optional.of(Evidence.of(history, 0, operators, new Lookups(country), maxSims));
    }

    /** Every IMSI seen with the IMEI in the window (for a decision's record), from the same rows. */
    static List<String> imsis(Connection connection, long imei, LocalDate from, LocalDate end)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT imsi FROM network_triplet WHERE imei = ? AND imsi IS NOT NULL"
                        + " AND triplet_month >= date_trunc('month', ?::date) AND triplet_month < ?"
                        + " AND last_seen >= ? AND first_seen < ? ORDER BY imsi")) {
            query.setLong(1, imei);
            query.setObject(2, from);
            query.setObject(3, end);
            query.setObject(4, from);
            query.setObject(5, end);
            List<String> imsis = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    imsis.add(rows.getString(1));
                }
            }
            return imsis;
        }
    }
}
