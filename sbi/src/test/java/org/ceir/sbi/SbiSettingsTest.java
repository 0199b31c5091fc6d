package org.ceir.sbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SbiSettingsTest {

    private static SbiSettings with(int maxUri, int maxHeaders, Map<String, String> operators) {
        return new SbiSettings("127.0.0.1", 8081, 0, 1024, 256, maxHeaders, maxUri, 300, operators);
    }

    @Test
    void constructor_defaultsAreValid() {
        SbiSettings settings = SbiSettings.defaults("0.0.0.0", 8081);
        assertThat(settings.maxConcurrentStreams()).isEqualTo(256);
        assertThat(settings.operators()).isEmpty();
    }

    @Test
    void constructor_badValuesNameTheSetting() {
        assertThatThrownBy(() -> new SbiSettings("", 8081, 0, 1024, 256, 8192, 2048, 300, null))
                .hasMessageContaining("sbi.host");
        assertThatThrownBy(() -> new SbiSettings("0.0.0.0", 70_000, 0, 1024, 256, 8192, 2048, 300, null))
                .hasMessageContaining("sbi.port 70000");
        assertThatThrownBy(() -> new SbiSettings("0.0.0.0", 8081, -1, 1024, 256, 8192, 2048, 300, null))
                .hasMessageContaining("sbi.io-threads -1");
        assertThatThrownBy(() -> new SbiSettings("0.0.0.0", 8081, 0, 0, 256, 8192, 2048, 300, null))
                .hasMessageContaining("sbi.max-connections 0");
        assertThatThrownBy(() -> new SbiSettings("0.0.0.0", 8081, 0, 1024, 0, 8192, 2048, 300, null))
                .hasMessageContaining("sbi.max-concurrent-streams 0");
        assertThatThrownBy(() -> new SbiSettings("0.0.0.0", 8081, 0, 1024, 256, 100, 2048, 300, null))
                .hasMessageContaining("sbi.max-header-list-size 100");
        assertThatThrownBy(() -> new SbiSettings("0.0.0.0", 8081, 0, 1024, 256, 8192, 2048, -5, null))
                .hasMessageContaining("sbi.idle-timeout-seconds -5");
    }

    @Test
    void constructor_uriLimitMustFitInTheHeaderLimit() {
        assertThatThrownBy(() -> with(8192, 8192, Map.of()))
                .hasMessageContaining("sbi.max-uri-length 8192")
                .hasMessageContaining("sbi.max-header-list-size (8192)");
    }

    @Test
    void constructor_operatorsByIpAddress() throws Exception {
        SbiSettings settings = with(2048, 8192, Map.of("10.1.0.5", "azercell", "fd00::5", "bakcell"));
        assertThat(settings.operatorsByAddress())
                .containsEntry(InetAddress.getByName("10.1.0.5"), "azercell")
                .containsEntry(InetAddress.getByName("fd00:0:0:0:0:0:0:5"), "bakcell")
                .hasSize(2);
    }

    @Test
    void constructor_operatorKeyMustBeAnAddressAndValueACode() {
        assertThatThrownBy(() -> with(2048, 8192, Map.of("amf.example.org", "azercell")))
                .hasMessageContaining("sbi.operators.amf.example.org")
                .hasMessageContaining("IP address");
        assertThatThrownBy(() -> with(2048, 8192, Map.of("10.1.0.300", "azercell")))
                .hasMessageContaining("sbi.operators.10.1.0.300");
        assertThatThrownBy(() -> with(2048, 8192, Map.of("10.1.0.5", "Azer Cell")))
                .hasMessageContaining("sbi.operators.10.1.0.5 'Azer Cell'");
    }
}
