package org.ceir.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a simulation wrote.
 *
 * @param rows          operator rows, all files
 * @param operatorFiles one per operator per day
 * @param bytes         size of the operator files (gzipped)
 * @param nanos         wall time of the whole simulation
 * @param people        people per scenario (roamers are visitors on top of the subscribers)
 * @param imeis         IMEIs in {@code truth.csv} per persona
 * @param rings         clone rings seen in the files
 * @param clonePhones   phones carrying a cloned IMEI (donors included) seen in the files
 * @param largestRing   the most phones seen with one cloned IMEI
 * @param registrations rows of {@code registrations.csv}
 * @param stolen        rows of {@code stolen.csv}
 * @param tacs          rows of {@code tac.csv}
 */
public record SimulationSummary(long rows, int operatorFiles, long bytes, long nanos, Map<Persona, Long> people,
                                Map<Persona, Long> imeis, int rings, long clonePhones, int largestRing,
                                long registrations, long stolen, int tacs) {

    public SimulationSummary {
        people = Collections.unmodifiableMap(new EnumMap<>(people));
        imeis = Collections.unmodifiableMap(new EnumMap<>(imeis));
    }

    /** Operator rows per second of wall time, the whole simulation included. */
    public double rowsPerSecond() {
        return rows / (nanos / 1e9);
    }
}
