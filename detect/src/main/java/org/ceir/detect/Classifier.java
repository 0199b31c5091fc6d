package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.ceir.core.country.Country;
import org.ceir.store.Database;

/**
 * One classification as a library call: which IMEIs one condition matches as of a day. Writes
 * nothing; this is what the DIRBS conformance test drives, and what a run does for each condition.
 */
public final class Classifier {
    private Classifier() {
    }

    /**
     * The outcome of one classification.
     *
     * @param windowStart the first day of the window ({@code windowEnd} is the day after the as-of day)
     * @param imeisSeen   IMEIs with a usable key seen in the days read
     * @param matched     the matched 14-digit IMEI keys, ascending
     */
    public record Classification(LocalDate asOf, LocalDate windowStart, LocalDate windowEnd, int imeisSeen,
                                 long[] matched) {
        public Classification {
            matched = matched.clone();
        }

        @Override
        public long[] matched() {
            return matched.clone();
        }
    }

    /**
     * Classifies the IMEIs seen in {@code [asOf + 1 − windowDays, asOf + 1)}, widened to the
     * longest period of the condition's dimensions.
     */
    public static Classification classify(Database database, Country country, ConditionConfig condition,
                                          LocalDate asOf, int windowDays) {
        CompiledCondition compiled = new CompiledCondition(condition);
        LocalDate end = asOf.plusDays(1);
        DayRange range = Engine.rangeFor(List.of(compiled), end.minusDays(windowDays), end);
        return database.transaction(connection -> {
            short[] operatorIndex = new short[Short.MAX_VALUE + 1];
            TripletLoader.operatorCodes(connection, operatorIndex);
            Lookups lookups = Lookups.load(connection, country, compiled.lookups());
            TripletTable table = TripletLoader.load(connection, range, operatorIndex, 1024, rows -> { });
            LongArrayList matched = new LongArrayList();
            int seen = new Engine(List.of(compiled), lookups).run(table, range.start(),
                    (history, hits) -> {
                        if (hits != 0) {
                            matched.add(history.imei);
                        }
                    }, done -> { });
            long[] keys = matched.toLongArray();
            Arrays.sort(keys);
            return new Classification(asOf, range.start(), end, seen, keys);
        });
    }

    /** The newest day of network data, if any: where a run ends by default. */
    public static Optional<LocalDate> newestDataDay(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT max(last_seen) FROM network_triplet"
                        + " WHERE triplet_month = (SELECT max(triplet_month) FROM network_triplet)");
             ResultSet row = query.executeQuery()) {
            row.next();
            return Optional.ofNullable(row.getObject(1, LocalDate.class));
        }
    }
}
