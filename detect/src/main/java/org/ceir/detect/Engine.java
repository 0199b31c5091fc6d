package org.ceir.detect;

import java.time.LocalDate;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Classifies every IMEI of a triplet table against the conditions, one IMEI at a time: the IMEI's
 * rows are merged into an {@link ImeiHistory} (reused, so the loop allocates next to nothing for
 * the common one-SIM phone), every condition is tested, and the visitor sees the history while it
 * is loaded, to keep evidence or counts.
 */
final class Engine {
    /** Sees each IMEI's history and which conditions it matched (bit i for condition i). */
    interface Visitor {
        void visit(ImeiHistory history, long matched);
    }

    private final List<CompiledCondition> conditions;
    private final Lookups lookups;

    Engine(List<CompiledCondition> conditions, Lookups lookups) {
        if (conditions.size() > 64) {
            throw new IllegalArgumentException("at most 64 conditions, not " + conditions.size());
        }
        this.conditions = conditions;
        this.lookups = lookups;
    }

    /** The range a run must read: its window, widened to the longest dimension period. */
    static DayRange rangeFor(List<CompiledCondition> conditions, LocalDate windowStart, LocalDate end) {
        LocalDate start = windowStart;
        for (CompiledCondition condition : conditions) {
            LocalDate earliest = condition.earliestStart(windowStart, end);
            if (earliest.isBefore(start)) {
                start = earliest;
            }
        }
        return new DayRange(start, end);
    }

    /**
     * @param progress called with the IMEIs done so far, every 100,000
     * @return the number of IMEIs classified
     */
    int run(TripletTable table, LocalDate windowStart, Visitor visitor, LongConsumer progress) {
        for (CompiledCondition condition : conditions) {
            condition.bind(table.range, windowStart);
        }
        TripletTable.Groups groups = table.groupByImei();
        ImeiHistory history = new ImeiHistory(table);
        for (int g = 0; g < groups.count(); g++) {
            history.load(groups.order(), groups.start()[g], groups.start()[g + 1]);
            long matched = 0;
            for (int c = 0; c < conditions.size(); c++) {
                if (conditions.get(c).matches(history, lookups)) {
                    matched |= 1L << c;
                }
            }
            visitor.visit(history, matched);
            if ((g + 1) % 100_000 == 0) {
                progress.accept(g + 1);
            }
        }
        return groups.count();
    }
}
