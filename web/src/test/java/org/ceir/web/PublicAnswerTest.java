package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.ceir.core.check.DeviceState;
import org.ceir.core.identity.Imei;
import org.junit.jupiter.api.Test;

class PublicAnswerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 12);
    private static final long KEY = 35209900176148L;

    private static PublicAnswer answer(DeviceState state) {
        return PublicAnswer.of(Imei.ofKey(KEY), state, TODAY, Optional.empty(), false);
    }

    private static DeviceState state(boolean stolen, boolean cloned, boolean suspected, boolean registered, boolean exempt,
                                     LocalDate firstSeen, LocalDate graceEnds) {
        return new DeviceState(KEY, stolen, cloned, suspected, registered, exempt, 0, Optional.ofNullable(firstSeen),
                Optional.ofNullable(graceEnds));
    }

    @Test
    void of_followsThePolicyPrecedence() {
        assertThat(answer(state(true, true, false, true, true, TODAY, null)).status()).isEqualTo(PublicStatus.STOLEN);
        assertThat(answer(state(false, true, false, true, true, TODAY, null)).status()).isEqualTo(PublicStatus.CLONE);
        assertThat(answer(state(false, false, false, true, true, TODAY, null)).status()).isEqualTo(PublicStatus.REGISTERED);
        assertThat(answer(state(false, false, false, false, true, TODAY, null)).status()).isEqualTo(PublicStatus.EXEMPT);
    }

    @Test
    void of_suspectedCloneIsNotTold() {
        assertThat(answer(state(false, false, true, true, false, TODAY, null)).status()).isEqualTo(PublicStatus.REGISTERED);
    }

    @Test
    void of_graceCountsDaysToItsLastDay() {
        PublicAnswer answer = answer(state(false, false, false, false, false, TODAY.minusDays(10), TODAY.plusDays(20)));

        assertThat(answer.status()).isEqualTo(PublicStatus.UNREGISTERED_GRACE);
        assertThat(answer.daysLeft()).isEqualTo(20);
        assertThat(answer.graceEnds()).isEqualTo(TODAY.plusDays(20));
        assertThat(answer(state(false, false, false, false, false, TODAY, TODAY)).daysLeft()).isZero();
    }

    @Test
    void of_afterGraceIsBlocked() {
        PublicAnswer answer = answer(state(false, false, false, false, false, TODAY.minusDays(40), TODAY.minusDays(1)));

        assertThat(answer.status()).isEqualTo(PublicStatus.UNREGISTERED_BLOCKED);
        assertThat(answer.daysLeft()).isNull();
    }

    @Test
    void of_seenWithoutGraceAndNeverSeen() {
        assertThat(answer(state(false, false, false, false, false, TODAY, null)).status()).isEqualTo(PublicStatus.UNREGISTERED);
        assertThat(answer(state(false, false, false, false, false, null, null)).status()).isEqualTo(PublicStatus.NEVER_SEEN);
    }

    @Test
    void of_showsTheFullImeiWithItsCheckDigit() {
        assertThat(answer(state(false, false, false, true, false, null, null)).imei()).isEqualTo("352099001761481");
    }
}
