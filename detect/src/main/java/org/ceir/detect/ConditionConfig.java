package org.ceir.detect;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A classification condition, with DIRBS's names: the IMEIs that match every one of its
 * dimensions.
 *
 * @param label                    the condition's name, unique in the configuration (e.g. {@code clone})
 * @param reason                   what a matched IMEI is told, e.g. on the block list
 * @param blocking                 a matched IMEI is to be restricted once the grace period ends;
 *                                 for a clone condition, it becomes SUSPECTED_CLONE and a case opens
 * @param detectsClones            the condition finds copied IMEIs: its matches are reviewed as clone cases
 * @param gracePeriodDays          days between first match and the block date
 * @param sticky                   once matched, an IMEI stays matched even when it stops meeting the condition
 * @param maxAllowedMatchingRatio  a safety limit: if more than this share of the IMEIs seen in the
 *                                 window match, the run discards the condition's results and fails
 * @param dimensions               the dimensions, all of which must match
 */
public record ConditionConfig(@JsonProperty("label") String label,
                              @JsonProperty("reason") String reason,
                              @JsonProperty("blocking") Boolean blocking,
                              @JsonProperty("clone") Boolean detectsClones,
                              @JsonProperty("grace_period_days") Integer gracePeriodDays,
                              @JsonProperty("sticky") Boolean sticky,
                              @JsonProperty("max_allowed_matching_ratio") Double maxAllowedMatchingRatio,
                              @JsonProperty("dimensions") List<DimensionConfig> dimensions) {
    public ConditionConfig {
        if (label == null || !label.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("condition label '" + label
                    + "': lower-case letters, digits and _, starting with a letter");
        }
        // blocking, clone, sticky and grace_period_days are optional (false, false, false, 0)
        blocking = blocking != null && blocking;
        detectsClones = detectsClones != null && detectsClones;
        sticky = sticky != null && sticky;
        gracePeriodDays = gracePeriodDays == null ? 0 : gracePeriodDays;
        if (maxAllowedMatchingRatio == null) {
            throw new IllegalArgumentException("condition " + label + ": max_allowed_matching_ratio is required"
                    + " (DIRBS uses 0.1): the share of IMEIs above which the results are discarded");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("condition " + label + ": reason is empty; say what a matched IMEI is told");
        }
        if (gracePeriodDays < 0) {
            throw new IllegalArgumentException("condition " + label + ": grace_period_days " + gracePeriodDays
                    + " is negative");
        }
        if (!(maxAllowedMatchingRatio > 0 && maxAllowedMatchingRatio <= 1)) {
            throw new IllegalArgumentException("condition " + label + ": max_allowed_matching_ratio "
                    + maxAllowedMatchingRatio + " must be above 0 and at most 1 (DIRBS uses 0.1)");
        }
        if (dimensions == null || dimensions.isEmpty()) {
            throw new IllegalArgumentException("condition " + label + ": at least one dimension is needed");
        }
        if (detectsClones && dimensions.stream().allMatch(DimensionConfig::invert)) {
            throw new IllegalArgumentException("condition " + label
                    + ": a clone condition needs a dimension that is not inverted");
        }
        dimensions = List.copyOf(dimensions);
    }

    /** A non-blocking condition of one dimension, as a DIRBS conformance case has it. */
    public static ConditionConfig single(String label, DimensionConfig dimension) {
        return new ConditionConfig(label, label, false, false, 0, false, 1.0, List.of(dimension));
    }
}
