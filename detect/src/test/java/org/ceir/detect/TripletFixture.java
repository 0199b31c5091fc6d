package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.core.network.Rat;
import org.ceir.store.Database;
import org.ceir.store.Operators;

/**
 * Writes network triplets for tests from readable day lists, as the importer stores them: one row
 * per (month, operator, IMEI, IMSI, MSISDN) with the month's day bitmask, and {@code network_imei}.
 *
 * <pre>
 * fixture.seen("35209900176148", "400011234567890", "994501234567", "azercell", "2024-01-01..2024-01-10, 2024-01-15");
 * fixture.write();
 * </pre>
 */
final class TripletFixture {
    private record Key(LocalDate month, String operator, long imei, String imeiRaw, String imsi, String msisdn) {
    }

    private final Database database;
    private final Map<Key, int[]> rows = new LinkedHashMap<>(); // bitmask, rat

    TripletFixture(Database database, Country country) {
        this.database = database;
        database.transaction(connection -> Operators.sync(connection, country));
    }

    /** The IMEI (as a network sends it) was seen with the IMSI and MSISDN on these days, on radio EUTRAN. */
    TripletFixture seen(String imei, String imsi, String msisdn, String operator, String days) {
        return seen(imei, imsi, msisdn, operator, days, Rat.EUTRAN.bit());
    }

    TripletFixture seen(String imei, String imsi, String msisdn, String operator, String days, int rats) {
        long key = Imei.networkKey(imei);
        for (LocalDate day : days(days)) {
            Key row = new Key(day.withDayOfMonth(1), operator, key, key == Imei.UNUSABLE ? imei : null,
                    blankToNull(imsi), blankToNull(msisdn));
            int[] value = rows.computeIfAbsent(row, k -> new int[2]);
            value[0] |= 1 << (day.getDayOfMonth() - 1);
            value[1] |= rats;
        }
        return this;
    }

    /** Writes what was added (merging into what is stored) and forgets it. */
    void write() {
        database.transaction(connection -> {
            Map<String, Short> operators = Operators.ids(connection);
            for (Map.Entry<Key, int[]> entry : rows.entrySet()) {
                Key key = entry.getKey();
                insert(connection, key, Objects.requireNonNull(operators.get(key.operator()), key.operator()),
                        entry.getValue()[0], entry.getValue()[1]);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO network_imei (imei, first_seen, rat_bitmask)"
                        + " SELECT imei, min(first_seen), bit_or(rat_bitmask) FROM network_triplet"
                        + " WHERE imei <> -1 GROUP BY imei ON CONFLICT (imei) DO UPDATE SET first_seen ="
                        + " excluded.first_seen, rat_bitmask = excluded.rat_bitmask");
            }
            return null;
        });
        rows.clear();
    }

    private static void insert(Connection connection, Key key, short operator, int bitmask, int rats)
            throws SQLException {
        try (PreparedStatement partition = connection.prepareStatement("SELECT ensure_triplet_partition(?)")) {
            partition.setObject(1, key.month());
            partition.execute();
        }
        int first = Integer.numberOfTrailingZeros(bitmask) + 1;
        int last = 32 - Integer.numberOfLeadingZeros(bitmask);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO network_triplet (triplet_month, operator_id, imei, imei_raw, imsi, msisdn, first_seen,"
                        + " last_seen, date_bitmask, rat_bitmask) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (triplet_month, operator_id, imei, imei_raw, imsi, msisdn) DO UPDATE SET"
                        + " date_bitmask = network_triplet.date_bitmask | excluded.date_bitmask,"
                        + " first_seen = least(network_triplet.first_seen, excluded.first_seen),"
                        + " last_seen = greatest(network_triplet.last_seen, excluded.last_seen),"
                        + " rat_bitmask = network_triplet.rat_bitmask | excluded.rat_bitmask")) {
            insert.setObject(1, key.month());
            insert.setShort(2, operator);
            insert.setLong(3, key.imei());
            insert.setString(4, key.imeiRaw());
            insert.setString(5, key.imsi());
            insert.setString(6, key.msisdn());
            insert.setObject(7, key.month().withDayOfMonth(first));
            insert.setObject(8, key.month().withDayOfMonth(last));
            insert.setInt(9, bitmask);
            insert.setInt(10, rats);
            insert.executeUpdate();
        }
    }

    /** {@code 2024-01-01..2024-01-05, 2024-01-09} → the days. */
    static List<LocalDate> days(String spec) {
        List<LocalDate> days = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int range = p.indexOf("..");
            if (range < 0) {
                days.add(LocalDate.parse(p));
            } else {
                LocalDate from = LocalDate.parse(p.substring(0, range));
                LocalDate to = LocalDate.parse(p.substring(range + 2));
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    days.add(d);
                }
            }
        }
        return days;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
