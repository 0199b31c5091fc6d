package org.ceir.eir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;

/**
 * Checks counted in memory by (day, operator, outcome, reason), added to {@code check_counter}
 * every few seconds: a check never writes to the database. One {@link LongAdder} per cell keeps
 * counting cheap when many threads check at once.
 *
 * <p>Counts are cumulative and the flusher remembers what it has written, so a flush that fails
 * (the database is down) is simply retried with the larger difference later: nothing is lost or
 * counted twice. A day stops being flushed once it has been over for two flushes with nothing new.
 */
final class CheckCounters {
    private static final int OUTCOMES = Outcome.values().length;
    private static final int REASONS = CheckReason.values().length;
    private static final int CELLS = OUTCOMES * REASONS;
    private static final Outcome[] OUTCOME_VALUES = Outcome.values();
    private static final CheckReason[] REASON_VALUES = CheckReason.values();

    /** Operator codes by index; index 0 is "not known". */
    private final String[] operators;
    /** Operator ids in the database by index; null for index 0. */
    private final Short[] operatorIds;
    private final List<DayCounts> days = new ArrayList<>();
    /** Totals of days no longer held, by cell, for the meters. */
    private final long[] retired = new long[CELLS];
    private volatile DayCounts current;

    /** The counts of one day. */
    private static final class DayCounts {
        final int epochDay;
        final LongAdder[] cells;
        /** Flusher only: what has been written of each cell. */
        final long[] written;
        int quietFlushes;

        DayCounts(int epochDay, int operators) {
            this.epochDay = epochDay;
            cells = new LongAdder[operators * CELLS];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = new LongAdder();
            }
            written = new long[cells.length];
        }
    }

    /** @param operatorIds the database id of each configured operator code */
    CheckCounters(Map<String, Short> operatorIds, int today) {
        operators = new String[operatorIds.size() + 1];
        this.operatorIds = new Short[operators.length];
        int index = 1;
        for (Map.Entry<String, Short> operator : operatorIds.entrySet()) {
            operators[index] = operator.getKey();
            this.operatorIds[index] = operator.getValue();
            index++;
        }
        current = dayCounts(today);
    }

    /** Counts one check. Any thread; allocates only on the first check of a new day. */
    void count(int today, String operator, int verdict) {
        DayCounts day = current;
        if (day.epochDay != today) {
            day = dayCounts(today);
        }
        day.cells[operatorIndex(operator) * CELLS + cell(verdict)].increment();
    }

    /** All checks counted with this outcome and reason since the start, for the meters. */
    long total(Outcome outcome, CheckReason reason) {
        int cell = outcome.ordinal() * REASONS + reason.ordinal();
        synchronized (days) {
            long sum = retired[cell];
            for (DayCounts day : days) {
                for (int operator = 0; operator < operators.length; operator++) {
                    sum += day.cells[operator * CELLS + cell].sum();
                }
            }
            return sum;
        }
    }

    /**
     * Adds what was counted since the last flush to {@code check_counter}, in the caller's
     * transaction; returns the number of checks written. {@link #committed} must follow when the
     * transaction commits. Flusher thread only.
     */
    Pending write(Connection connection) throws SQLException {
        List<DayCounts> held;
        synchronized (days) {
            held = new ArrayList<>(days);
        }
        Pending pending = new Pending();
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO check_counter (day, operator_id, outcome, reason, checks) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (day, operator_id, outcome, reason)"
                        + " DO UPDATE SET checks = check_counter.checks + excluded.checks, updated_at = now()")) {
            for (DayCounts day : held) {
                for (int i = 0; i < day.cells.length; i++) {
                    long sum = day.cells[i].sum();
                    long delta = sum - day.written[i];
                    if (delta == 0) {
                        continue;
                    }
                    int operator = i / CELLS;
                    int cell = i % CELLS;
                    upsert.setObject(1, LocalDate.ofEpochDay(day.epochDay));
                    if (operatorIds[operator] == null) {
                        upsert.setNull(2, Types.SMALLINT);
                    } else {
                        upsert.setShort(2, operatorIds[operator]);
                    }
                    upsert.setString(3, OUTCOME_VALUES[cell / REASONS].name());
                    upsert.setString(4, REASON_VALUES[cell % REASONS].name());
                    upsert.setLong(5, delta);
                    upsert.addBatch();
                    pending.add(day, i, sum, delta);
                }
            }
            if (pending.checks > 0) {
                upsert.executeBatch();
            }
        }
        return pending;
    }

    /** Records that a {@link #write} committed, and lets go of days that are over and fully written. */
    void committed(Pending pending) {
        for (int i = 0; i < pending.days.size(); i++) {
            pending.days.get(i).written[pending.cells.getInt(i)] = pending.sums.getLong(i);
        }
        synchronized (days) {
            DayCounts today = current;
            days.removeIf(day -> {
                if (day == today) {
                    return false;
                }
                boolean quiet = !pending.days.contains(day);
                day.quietFlushes = quiet ? day.quietFlushes + 1 : 0;
                if (day.quietFlushes < 2) {
                    return false;
                }
                for (int i = 0; i < day.cells.length; i++) {
                    retired[i % CELLS] += day.cells[i].sum();
                }
                return true;
            });
        }
    }

    /** What one {@link #write} wrote, to be marked as written once its transaction commits. */
    static final class Pending {
        private final List<DayCounts> days = new ArrayList<>();
        private final IntArrayList cells = new IntArrayList();
        private final LongArrayList sums = new LongArrayList();
        private long checks;

        private void add(DayCounts day, int cell, long sum, long delta) {
            days.add(day);
            cells.add(cell);
            sums.add(sum);
            checks += delta;
        }

        long checks() {
            return checks;
        }
    }

    private DayCounts dayCounts(int epochDay) {
        synchronized (days) {
            for (DayCounts day : days) {
                if (day.epochDay == epochDay) {
                    if (epochDay > current.epochDay) {
                        current = day;
                    }
                    return day;
                }
            }
            DayCounts day = new DayCounts(epochDay, operators.length);
            days.add(day);
            if (current == null || epochDay > current.epochDay) {
                current = day;
            }
            return day;
        }
    }

    private int operatorIndex(String operator) {
        if (operator == null) {
            return 0;
        }
        for (int i = 1; i < operators.length; i++) {
            if (operators[i].equals(operator)) {
                return i;
            }
        }
        return 0;
    }

    /** The cell of a verdict, from its bits (outcome in 0–2, reason in 3–8, as {@link Verdict} packs them). */
    static int cell(int verdict) {
        return (verdict & 0x7) * REASONS + (verdict >>> 3 & 0x3f);
    }
}
