package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.ceir.core.check.Outcome;
import org.junit.jupiter.api.Test;

class EirSettingsTest {

    @Test
    void constructor_defaultsAreValid() {
        EirSettings settings = EirSettings.defaults();
        assertThat(settings.graceDays()).isEqualTo(30);
        assertThat(settings.zone().getId()).isEqualTo("Asia/Baku");
    }

    @Test
    void constructor_namesTheSettingThatIsWrong() {
        assertThatThrownBy(() -> with(-1, "Asia/Baku", Outcome.GREYLISTED, List.of(), 250, 5))
                .hasMessageStartingWith("eir.grace-days -1:");
        assertThatThrownBy(() -> with(30, "Mars/Olympus", Outcome.GREYLISTED, List.of(), 250, 5))
                .hasMessageStartingWith("eir.time-zone 'Mars/Olympus':");
        assertThatThrownBy(() -> with(30, "Asia/Baku", null, List.of(), 250, 5))
                .hasMessageStartingWith("eir.malformed-imei:");
        assertThatThrownBy(() -> with(30, "Asia/Baku", Outcome.GREYLISTED, Arrays.asList("Modem", " "), 250, 5))
                .hasMessageStartingWith("eir.exempt-device-types:");
        assertThatThrownBy(() -> with(30, "Asia/Baku", Outcome.GREYLISTED, List.of(), 5_000, 5))
                .hasMessageStartingWith("eir.poll-millis 5000:").hasMessageContaining("within a second");
        assertThatThrownBy(() -> with(30, "Asia/Baku", Outcome.GREYLISTED, List.of(), 250, 0))
                .hasMessageStartingWith("eir.flush-seconds 0:");
    }

    @Test
    void isExemptDeviceType_ignoresCaseAndSpaces() {
        EirSettings settings = with(30, "Asia/Baku", Outcome.GREYLISTED, List.of(" IoT Device "), 250, 5);
        assertThat(settings.isExemptDeviceType("iot device")).isTrue();
        assertThat(settings.isExemptDeviceType("Smartphone")).isFalse();
        assertThat(settings.isExemptDeviceType(null)).isFalse();
    }

    private static EirSettings with(int graceDays, String zone, Outcome malformed, List<String> types, int poll,
                                    int flush) {
        return new EirSettings(graceDays, zone, malformed, Outcome.GREYLISTED, Outcome.BLACKLISTED, Outcome.GREYLISTED,
                Outcome.BLACKLISTED, true, types, poll, true, flush);
    }
}
