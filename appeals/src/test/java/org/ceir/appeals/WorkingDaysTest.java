package org.ceir.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {
    @Test
    void after_skipsWeekendsYearlyHolidaysAndOneOffDays() {
        AppealSettings settings = new AppealSettings(10, List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of("05-28", "2026-05-27"), 10, 5, 3, 5 * 1024 * 1024, 5);

        // From Tuesday 19 May 2026: 20-22, 25, 26, (27 and 28 off), 29, 1-4 June.
        assertThat(settings.workingDays().after(LocalDate.of(2026, 5, 19), 10)).isEqualTo(LocalDate.of(2026, 6, 4));
        assertThat(settings.workingDays().working(LocalDate.of(2027, 5, 28))).isFalse();
    }

    @Test
    void appealSettings_namesTheWrongSetting() {
        assertThatThrownBy(() -> new AppealSettings(10, List.of(), List.of("31-02"), 10, 5, 3, 5_000_000, 5))
                .hasMessageStartingWith("appeals.holidays '31-02'");
        assertThatThrownBy(() -> new AppealSettings(0, List.of(), List.of(), 10, 5, 3, 5_000_000, 5))
                .hasMessageStartingWith("appeals.due-working-days 0");
    }
}
