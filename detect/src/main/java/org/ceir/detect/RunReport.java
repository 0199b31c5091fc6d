package org.ceir.detect;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a detection run did.
 *
 * @param triplets        stored rows read
 * @param imeis           IMEIs (with a usable key) seen in the days read
 * @param unusableImeis   distinct unusable IMEI values (no 14-digit body) seen in the window: DIRBS's
 *                        malformed IMEIs, which have no key and so no state or status
 * @param timingMillis    milliseconds per phase (load, classify, write, total)
 * @param failure         why the run exits non-zero (a condition over its safety limit), if it does
 */
public record RunReport(long runId, LocalDate asOf, LocalDate windowStart, LocalDate windowEnd, long triplets,
                        int imeis, long unusableImeis, List<ConditionOutcome> conditions, CaseCounts cases,
                        Map<String, Long> timingMillis, Optional<QualityReport> quality, Optional<String> failure) {

    /**
     * One condition's results.
     *
     * @param started   IMEIs that began to match in this run
     * @param ended     IMEIs that stopped matching (never for a sticky condition)
     * @param discarded true when it matched more than its max_allowed_matching_ratio and nothing was applied
     */
    public record ConditionOutcome(String label, String dimensions, int matched, int started, int ended, double ratio,
                                   boolean discarded) {
    }

    /** Clone cases the run changed, and how many are open after it. */
    public record CaseCounts(int opened, int reopened, int autoConfirmed, int expired, int stillDismissed, int exempt,
                             int open) {
    }
}
