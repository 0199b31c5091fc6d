package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebSettingsTest {
    @Test
    void defaults_areValid() {
        assertThat(WebSettings.defaults().port()).isEqualTo(8080);
        assertThat(WebSettings.defaults().checksPerMinute()).isEqualTo(30);
    }

    @Test
    void constructor_namesTheBadSetting() {
        assertThatThrownBy(() -> new WebSettings(70000, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "az", 30, 600, 1024))
                .hasMessageStartingWith("web.port 70000");
        assertThatThrownBy(() -> new WebSettings(8080, "0.0.0.0", 0, 20, 5, 15, 30, 12, true, "", "az", 30, 600, 1024))
                .hasMessageStartingWith("web.checks-per-minute 0");
        assertThatThrownBy(() -> new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "de", 30, 600, 1024))
                .hasMessageStartingWith("web.default-language de");
        assertThatThrownBy(() -> new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 800, 12, true, "", "az", 30, 600, 1024))
                .hasMessageContaining("longer than web.session-max-hours");
        assertThatThrownBy(() -> new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "az", 0, 600, 1024))
                .hasMessageStartingWith("web.forms-per-minute 0");
        assertThatThrownBy(() -> new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "az", 30, 0, 1024))
                .hasMessageStartingWith("web.payments-per-minute 0");
        assertThatThrownBy(() -> new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "az", 30, 600, 0))
                .hasMessageStartingWith("web.max-upload-megabytes 0");
    }
}
