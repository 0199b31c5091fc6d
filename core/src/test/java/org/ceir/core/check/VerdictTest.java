package org.ceir.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class VerdictTest {

    @Property
    void packedPartsRoundTrip(@ForAll Outcome outcome, @ForAll CheckReason reason,
                              @ForAll @IntRange(min = 0, max = 65_535) int days) {
        int verdict = Verdict.of(outcome, reason, days);
        assertThat(Verdict.outcome(verdict)).isEqualTo(outcome);
        assertThat(Verdict.reason(verdict)).isEqualTo(reason);
        assertThat(Verdict.daysLeft(verdict)).isEqualTo(days);
    }

    @Property
    void daysAreClamped(@ForAll int days) {
        int verdict = Verdict.of(Outcome.GREYLISTED, CheckReason.UNREGISTERED_GRACE, days);
        assertThat(Verdict.daysLeft(verdict)).isBetween(0, 65_535);
        assertThat(Verdict.reason(verdict)).isEqualTo(CheckReason.UNREGISTERED_GRACE);
    }
}
