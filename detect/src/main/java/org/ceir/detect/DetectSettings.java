package org.ceir.detect;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code detect} settings section.
 *
 * @param windowDays          days of data a run classifies, ending the day after its as-of day
 * @param pairingLookbackDays on confirmation, SIMs seen with the IMEI in this many days (ending
 *                            with the newest data) are paired with it
 * @param autoConfirmScore    a case whose score reaches this is confirmed without an analyst; 0 turns it off
 * @param evidenceSims        how many SIMs an IMEI's stored evidence details (the most active first)
 * @param conditions          the classification conditions
 */
public record DetectSettings(@JsonProperty("window-days") int windowDays,
                             @JsonProperty("pairing-lookback-days") int pairingLookbackDays,
                             @JsonProperty("auto-confirm-score") double autoConfirmScore,
                             @JsonProperty("evidence-sims") int evidenceSims,
                             @JsonProperty("conditions") List<ConditionConfig> conditions) {
    public DetectSettings {
        if (windowDays < 1 || windowDays > 366) {
            throw new IllegalArgumentException("detect.window-days " + windowDays + ": between 1 and 366");
        }
        if (pairingLookbackDays < 1 || pairingLookbackDays > windowDays) {
            throw new IllegalArgumentException("detect.pairing-lookback-days " + pairingLookbackDays
                    + ": between 1 and detect.window-days (" + windowDays + ")");
        }
        if (autoConfirmScore < 0) {
            throw new IllegalArgumentException("detect.auto-confirm-score " + autoConfirmScore + ": 0 (off) or positive");
        }
        if (evidenceSims < 1 || evidenceSims > 10_000) {
            throw new IllegalArgumentException("detect.evidence-sims " + evidenceSims + ": between 1 and 10000");
        }
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        Set<String> labels = new HashSet<>();
        for (ConditionConfig condition : conditions) {
            if (!labels.add(condition.label())) {
                throw new IllegalArgumentException("detect.conditions: label '" + condition.label() + "' appears twice");
            }
        }
    }

    /** The conditions whose matches are clone cases. */
    public List<ConditionConfig> cloneConditions() {
        return conditions.stream().filter(ConditionConfig::detectsClones).toList();
    }

    /** True when auto-confirmation is on. */
    public boolean autoConfirms() {
        return autoConfirmScore > 0;
    }
}
