package org.ceir.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A condition ready to test IMEIs: its dimensions built, each with the days of its window. */
final class CompiledCondition {
    final ConditionConfig config;
    private final Dimension[] dimensions;
    private final boolean[] inverted;
    private long[][] windows;

    CompiledCondition(ConditionConfig config) {
        this.config = config;
        List<DimensionConfig> configured = config.dimensions();
        dimensions = new Dimension[configured.size()];
        inverted = new boolean[configured.size()];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = Dimensions.create(configured.get(i).module(), configured.get(i).parameters());
            inverted[i] = configured.get(i).invert();
        }
    }

    /** The first day any of its dimensions looks at, given the run's window. */
    LocalDate earliestStart(LocalDate windowStart, LocalDate end) {
        LocalDate earliest = windowStart;
        for (Dimension dimension : dimensions) {
            if (dimension.period() != null && dimension.period().start(end).isBefore(earliest)) {
                earliest = dimension.period().start(end);
            }
        }
        return earliest;
    }

    Set<Dimension.Lookup> lookups() {
        Set<Dimension.Lookup> needed = EnumSet.noneOf(Dimension.Lookup.class);
        for (Dimension dimension : dimensions) {
            needed.addAll(dimension.lookups());
        }
        return needed;
    }

    /** Fixes each dimension's window inside the run's range. */
    void bind(DayRange range, LocalDate windowStart) {
        windows = new long[dimensions.length][];
        for (int i = 0; i < dimensions.length; i++) {
            Period period = dimensions[i].period();
            windows[i] = range.suffix(period == null ? windowStart : period.start(range.end()));
        }
    }

    boolean matches(ImeiHistory history, Lookups lookups) {
        for (int i = 0; i < dimensions.length; i++) {
            if (dimensions[i].matches(history, windows[i], lookups) == inverted[i]) {
                return false;
            }
        }
        return true;
    }

    /** The dimensions, for people: {@code concurrent_imsis(min_imsis=3, …) AND NOT …}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (DimensionConfig dimension : config.dimensions()) {
            parts.add(dimension.toString());
        }
        return String.join(" AND ", parts);
    }
}
