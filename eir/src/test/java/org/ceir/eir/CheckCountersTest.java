package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.junit.jupiter.api.Test;

class CheckCountersTest {

    /** The counters read a verdict's bits directly; each outcome and reason must get a cell of its own. */
    @Test
    void cell_isDistinctForEveryOutcomeAndReasonAndIgnoresDaysLeft() {
        Set<Integer> cells = new HashSet<>();
        for (Outcome outcome : Outcome.values()) {
            for (CheckReason reason : CheckReason.values()) {
                int cell = CheckCounters.cell(Verdict.of(outcome, reason, 0));
                assertThat(CheckCounters.cell(Verdict.of(outcome, reason, 17))).isEqualTo(cell);
                assertThat(cell).isBetween(0, Outcome.values().length * CheckReason.values().length - 1);
                cells.add(cell);
            }
        }
        assertThat(cells).hasSize(Outcome.values().length * CheckReason.values().length);
    }

    @Test
    void total_sumsEveryOperatorAndDay() {
        CheckCounters counters = new CheckCounters(Map.of("azercell", (short) 1), 100);
        int refused = Verdict.of(Outcome.BLACKLISTED, CheckReason.CLONE_UNPAIRED_SIM, 0);
        counters.count(100, "azercell", refused);
        counters.count(100, null, refused);
        counters.count(101, "azercell", refused);
        counters.count(101, "azercell", Verdict.of(Outcome.WHITELISTED, CheckReason.REGISTERED, 0));
        assertThat(counters.total(Outcome.BLACKLISTED, CheckReason.CLONE_UNPAIRED_SIM)).isEqualTo(3);
        assertThat(counters.total(Outcome.WHITELISTED, CheckReason.REGISTERED)).isEqualTo(1);
        assertThat(counters.total(Outcome.GREYLISTED, CheckReason.REGISTERED)).isZero();
    }
}
