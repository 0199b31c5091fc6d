package org.ceir.detect;

import java.util.EnumSet;
import java.util.Set;

/**
 * One test of an IMEI's history: DIRBS's dimensions and ceir's own. A dimension looks at the days
 * inside its window only: the last {@link #period()} days (or months) before the end of the run's
 * range, or the run's whole window when it has no period.
 */
interface Dimension {
    /** Reference data a dimension needs loaded before a run. */
    enum Lookup { TAC_CATALOGUE, REGISTRATIONS, STOLEN }

    String name();

    /** How far the dimension looks back, or null for the run's window. */
    Period period();

    default Set<Lookup> lookups() {
        return EnumSet.noneOf(Lookup.class);
    }

    /**
     * @param history the IMEI's rows in the run's range
     * @param window  the days inside this dimension's window
     * @param lookups the reference data
     */
    boolean matches(ImeiHistory history, long[] window, Lookups lookups);
}
